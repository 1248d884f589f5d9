package com.practicestudio.hl7;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HL7 interface's settings ({@code practice-studio.hl7.*}). Interfaces themselves (listeners,
 * senders, rules) live in the database and are edited in the console or through the API; these
 * settings only seed the default listener and tune the machinery.
 *
 * @param mllp the default listener, created on the first start
 * @param refreshInterval how often a node checks whether another node changed the interfaces or
 *     rules (changes made on this node apply at once)
 * @param sendingApplication MSH-3 of the messages Practice Studio sends (SIU, ACKs)
 * @param sendingFacility MSH-4 of the messages Practice Studio sends
 * @param stopGrace how long a listener that is stopped or rebound may take to answer what it
 *     received
 * @param logPayloads logs whole HL7 messages at DEBUG — <b>this logs PHI</b>; off by default
 * @param applicationAckInterval how often each node looks for enhanced-mode application ACKs that
 *     are due and were not sent by the node that received the message (it stopped, or the message
 *     was applied after its watch ran out, or reprocessed); the receiving node answers at once
 * @param attendingRoles the AIP-4 role codes that mark an SIU's attending provider, who becomes the
 *     appointment's provider when several are booked: HL7 table 0443's {@code AT} by default; add a
 *     sender's own codes (a role whose text starts "attending" counts without)
 */
@ConfigurationProperties("practice-studio.hl7")
public record Hl7Properties(
    @DefaultValue Mllp mllp,
    @DefaultValue("2s") Duration refreshInterval,
    @DefaultValue("PRACTICE_STUDIO") String sendingApplication,
    @DefaultValue("PRACTICE_STUDIO") String sendingFacility,
    @DefaultValue("5s") Duration stopGrace,
    @DefaultValue("false") boolean logPayloads,
    @DefaultValue(Hl7Properties.APPLICATION_ACK_INTERVAL) Duration applicationAckInterval,
    @DefaultValue("AT") List<String> attendingRoles) {

  static final String APPLICATION_ACK_INTERVAL = "2s";

  public Hl7Properties {
    if (refreshInterval.isZero() || refreshInterval.isNegative()) {
      throw new IllegalArgumentException("practice-studio.hl7.refresh-interval must be positive");
    }
    if (applicationAckInterval.isZero() || applicationAckInterval.isNegative()) {
      throw new IllegalArgumentException(
          "practice-studio.hl7.application-ack-interval must be positive");
    }
    attendingRoles = attendingRoles.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
  }

  /**
   * @param port the default listener's port (2575; 0 = any free port, as tests use — the bound port
   *     is shown in the console and the API)
   * @param bindAddress the default listener's bind address; empty = all interfaces
   */
  public record Mllp(@DefaultValue("2575") int port, @DefaultValue("") String bindAddress) {

    public Mllp {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("practice-studio.hl7.mllp.port must be in 0..65535");
      }
    }
  }
}
