package com.practicestudio.patients;

import com.practicestudio.contact.Address;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A patient as a client writes it: the request body of create and replace, and what channel
 * handlers pass to {@link PatientService#upsert upsert}. Dates are {@code YYYY-MM-DD} text so that
 * every bad field is reported at once. Read-only fields of {@link Patient} ({@code id}, {@code
 * mergedIntoId}, phone validity, timestamps) are ignored when sent back.
 *
 * @param ssn {@code NNN-NN-NNNN} or nine digits; write-only. Null leaves the stored SSN unchanged
 *     (clients cannot read it back to resend it); clearing it is explicit.
 * @param phoneHomeExtension used when {@code phoneHome} itself carries no extension
 * @param version the version the client last read; a stale one answers 409
 */
public record PatientInput(
    String externalId,
    String mrn,
    List<PatientIdentifier> identifiers,
    String firstName,
    String middleName,
    String lastName,
    String nameSuffix,
    String dateOfBirth,
    String gender,
    String ssn,
    Address address,
    String phoneHome,
    String phoneHomeExtension,
    String phoneMobile,
    String phoneMobileExtension,
    String phoneWork,
    String phoneWorkExtension,
    String email,
    String preferredLanguage,
    String race,
    String ethnicity,
    String maritalStatus,
    String deceasedDate,
    Long primaryProviderId,
    Boolean active,
    List<CoverageInput> coverages,
    Integer version) {

  /** A coverage as a client writes it; {@code priority} defaults to its position (1, 2, …). */
  public record CoverageInput(
      Integer priority,
      String insurerName,
      String insurerId,
      String planName,
      String memberId,
      String groupNumber,
      String subscriberName,
      String relationship,
      String effectiveDate,
      String expirationDate) {

    static CoverageInput from(Coverage c) {
      return new CoverageInput(
          c.priority(),
          c.insurerName(),
          c.insurerId(),
          c.planName(),
          c.memberId(),
          c.groupNumber(),
          c.subscriberName(),
          c.relationship(),
          text(c.effectiveDate()),
          text(c.expirationDate()));
    }

    @Override
    public String toString() {
      return "CoverageInput[...]";
    }
  }

  /** The stored patient as input (SSN left out: null keeps it), e.g. as the base of a patch. */
  public static PatientInput from(Patient p) {
    return new PatientInput(
        p.externalId(),
        p.mrn(),
        p.identifiers(),
        p.firstName(),
        p.middleName(),
        p.lastName(),
        p.nameSuffix(),
        text(p.dateOfBirth()),
        p.gender(),
        null,
        p.address(),
        p.phoneHome(),
        p.phoneHomeExtension(),
        p.phoneMobile(),
        p.phoneMobileExtension(),
        p.phoneWork(),
        p.phoneWorkExtension(),
        p.email(),
        p.preferredLanguage(),
        p.race(),
        p.ethnicity(),
        p.maritalStatus(),
        text(p.deceasedDate()),
        p.primaryProviderId(),
        p.active(),
        p.coverages().stream().map(CoverageInput::from).toList(),
        p.version());
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  @Override
  public String toString() {
    return "PatientInput[...]"; // PHI
  }

  /** For Java callers (channel handlers, imports): set what you know, leave the rest null. */
  public static final class Builder {
    private String externalId;
    private String mrn;
    private final List<PatientIdentifier> identifiers = new ArrayList<>();
    private boolean identifiersGiven;
    private String firstName;
    private String middleName;
    private String lastName;
    private String nameSuffix;
    private String dateOfBirth;
    private String gender;
    private String ssn;
    private Address address;
    private String phoneHome;
    private String phoneMobile;
    private String phoneWork;
    private String phoneWorkExtension;
    private String email;
    private String preferredLanguage;
    private String race;
    private String ethnicity;
    private String maritalStatus;
    private String deceasedDate;
    private Long primaryProviderId;
    private Boolean active;
    private List<CoverageInput> coverages;

    private Builder() {}

    public Builder externalId(String v) {
      externalId = v;
      return this;
    }

    public Builder mrn(String v) {
      mrn = v;
      return this;
    }

    public Builder identifier(String type, String value, String assigningAuthority, String system) {
      identifiers.add(new PatientIdentifier(type, value, assigningAuthority, system));
      identifiersGiven = true;
      return this;
    }

    public Builder name(String first, String middle, String last, String suffix) {
      firstName = first;
      middleName = middle;
      lastName = last;
      nameSuffix = suffix;
      return this;
    }

    public Builder dateOfBirth(LocalDate v) {
      dateOfBirth = text(v);
      return this;
    }

    public Builder dateOfBirth(String v) {
      dateOfBirth = v;
      return this;
    }

    public Builder gender(String v) {
      gender = v;
      return this;
    }

    public Builder ssn(String v) {
      ssn = v;
      return this;
    }

    public Builder address(Address v) {
      address = v;
      return this;
    }

    public Builder phones(String home, String mobile, String work, String workExtension) {
      phoneHome = home;
      phoneMobile = mobile;
      phoneWork = work;
      phoneWorkExtension = workExtension;
      return this;
    }

    public Builder email(String v) {
      email = v;
      return this;
    }

    public Builder demographics(
        String language, String raceValue, String ethnicityValue, String marital) {
      preferredLanguage = language;
      race = raceValue;
      ethnicity = ethnicityValue;
      maritalStatus = marital;
      return this;
    }

    public Builder deceasedDate(LocalDate v) {
      deceasedDate = text(v);
      return this;
    }

    public Builder primaryProviderId(Long v) {
      primaryProviderId = v;
      return this;
    }

    public Builder active(Boolean v) {
      active = v;
      return this;
    }

    public Builder coverages(List<CoverageInput> v) {
      coverages = v;
      return this;
    }

    public PatientInput build() {
      return new PatientInput(
          externalId,
          mrn,
          identifiersGiven ? List.copyOf(identifiers) : null,
          firstName,
          middleName,
          lastName,
          nameSuffix,
          dateOfBirth,
          gender,
          ssn,
          address,
          phoneHome,
          null,
          phoneMobile,
          null,
          phoneWork,
          phoneWorkExtension,
          email,
          preferredLanguage,
          race,
          ethnicity,
          maritalStatus,
          deceasedDate,
          primaryProviderId,
          active,
          coverages,
          null);
    }
  }
}
