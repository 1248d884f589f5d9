package com.practicestudio.sandbox.hl7;

import java.util.Objects;

/**
 * How the peer addresses and shapes what it sends, as a Cerner site's interface configuration
 * would.
 *
 * @param sendingApplication MSH-3 (Cerner's Open Engine sends {@code HNAM} or leaves it empty)
 * @param sendingFacility MSH-4
 * @param receivingApplication MSH-5
 * @param receivingFacility MSH-6, may be empty
 * @param processingId MSH-11 ({@code P} production, {@code T} training, {@code D} debugging)
 * @param mrnAuthority PID-3.4, the outbound alias of the MRN alias pool (PID-3.5 is {@code MRN})
 * @param finAuthority PID-18.4, the outbound alias of the FIN alias pool (PID-18.5 is the raw code
 *     value of the FIN NBR alias type, {@code CD:1077}: no outbound alias is built for it)
 */
public record Hl7Profile(
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String processingId,
    String mrnAuthority,
    String finAuthority) {

  public Hl7Profile {
    Objects.requireNonNull(sendingApplication, "sendingApplication");
    Objects.requireNonNull(sendingFacility, "sendingFacility");
    Objects.requireNonNull(receivingApplication, "receivingApplication");
    Objects.requireNonNull(receivingFacility, "receivingFacility");
    Objects.requireNonNull(processingId, "processingId");
    Objects.requireNonNull(mrnAuthority, "mrnAuthority");
    Objects.requireNonNull(finAuthority, "finAuthority");
  }

  /**
   * {@code HNAM} / {@code SANDBOX} to {@code PRACTICE_STUDIO}, production, MRN pool {@code SANDBOX
   * MRN}, FIN pool {@code FIN}.
   */
  public static Hl7Profile defaults() {
    return new Hl7Profile("HNAM", "SANDBOX", "PRACTICE_STUDIO", "", "P", "SANDBOX MRN", "FIN");
  }
}
