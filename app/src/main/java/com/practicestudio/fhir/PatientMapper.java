package com.practicestudio.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.contact.Address;
import com.practicestudio.contact.Phone;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.patients.PatientInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * A Cerner FHIR Patient → Practice Studio's patient input: the official name, birth date, gender,
 * language, race, ethnicity and marital status through the code maps, identifiers (the MRN is the
 * one typed v2-0203 {@code MR}; the assigning authority is the assigner's name, else the
 * identifier's system — Cerner's alias pool), the home address, phones by use as E.164, e-mail,
 * {@code active}; {@code externalId} is the FHIR id. A merged (combined-away) patient is inactive
 * and names its survivor in {@code link} ({@link #replacedBy}). Pure: no I/O.
 */
public final class PatientMapper {

  private static final Set<String> LANGUAGE_SYSTEMS = Set.of(FhirSystems.BCP47);
  private static final Set<String> RACE_SYSTEMS =
      Set.of(FhirSystems.CDC_RACE_ETHNICITY, FhirSystems.NULL_FLAVOR);
  private static final Set<String> MARITAL_SYSTEMS =
      Set.of(FhirSystems.MARITAL_STATUS, FhirSystems.NULL_FLAVOR);
  private static final Map<String, String> SSN_TYPES = Map.of("SS", "SS", "SSN", "SS");

  private final CodeTranslator codes;
  private final PhoneNumbers phones;

  public PatientMapper(CodeTranslator codes, PhoneNumbers phones) {
    this.codes = codes;
    this.phones = phones;
  }

  public PatientInput toInput(Patient patient) {
    if (!patient.getIdElement().hasIdPart()) {
      throw new FhirMappingException(FhirError.INCOMPLETE, "Patient.id", "is required");
    }
    PatientInput.Builder b = PatientInput.builder().externalId(patient.getIdElement().getIdPart());
    identifiers(patient, b);
    HumanName name = officialName(patient);
    if (name != null) {
      List<StringType> given = name.getGiven();
      b.name(
          given.isEmpty() ? null : given.get(0).getValue(),
          given.size() > 1 ? join(given.subList(1, given.size()), " ") : null,
          name.getFamily(),
          name.hasSuffix() ? join(name.getSuffix(), " ") : null);
    }
    if (patient.hasBirthDateElement()
        && patient.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY) {
      b.dateOfBirth(patient.getBirthDateElement().getValueAsString());
    }
    if (patient.hasGender()) {
      b.gender(gender(patient.getGender().toCode()));
    }
    b.address(address(patient));
    telecom(patient, b);
    b.demographics(
        language(patient),
        extension(patient, FhirSystems.US_CORE_RACE, CodeMapKind.RACE),
        extension(patient, FhirSystems.US_CORE_ETHNICITY, CodeMapKind.ETHNICITY),
        Concepts.toLocalOrReport(
                codes,
                CodeMapKind.MARITAL_STATUS,
                Collections.singletonList(patient.getMaritalStatus()),
                MARITAL_SYSTEMS)
            .orElse(null));
    if (patient.hasDeceasedDateTimeType()) {
      BaseDateTimeType deceased = patient.getDeceasedDateTimeType();
      if (deceased.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal()) {
        b.deceasedDate(java.time.LocalDate.parse(deceased.getValueAsString().substring(0, 10)));
      }
    }
    if (patient.hasActive()) {
      b.active(patient.getActive());
    }
    return b.build();
  }

  /** The FHIR id of the patient this one was merged into ({@code link.type = replaced-by}). */
  public static Optional<String> replacedBy(Patient patient) {
    return patient.getLink().stream()
        .filter(l -> l.getType() == Patient.LinkType.REPLACEDBY)
        .map(l -> CernerReferences.idOf(l.getOther(), "Patient"))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private void identifiers(Patient patient, PatientInput.Builder b) {
    String mrn = null;
    for (Identifier identifier : patient.getIdentifier()) {
      if (!identifier.hasValue() || identifier.getUse() == Identifier.IdentifierUse.OLD) {
        continue;
      }
      String type = identifierType(identifier);
      if (SSN_TYPES.containsKey(type) || FhirSystems.SSN.equals(identifier.getSystem())) {
        b.ssn(identifier.getValue());
        continue;
      }
      b.identifier(
          type,
          identifier.getValue(),
          codes.assigningAuthority(identifier),
          identifier.getSystem());
      if (mrn == null && PatientIdentifier.MRN.equals(type)) {
        mrn = identifier.getValue();
      }
    }
    b.mrn(mrn);
  }

  /**
   * The v2-0203 code of an identifier's type ({@code MR}, {@code SS}); else the type's text (a
   * Cerner alias type without a standard alias); {@code PI} for an untyped identifier.
   */
  static String identifierType(Identifier identifier) {
    Optional<Coding> v2 = Concepts.coding(identifier.getType(), FhirSystems.V2_0203);
    if (v2.isPresent()) {
      return v2.get().getCode();
    }
    String text = Concepts.text(identifier.getType());
    return text != null ? text : "PI";
  }

  private static HumanName officialName(Patient patient) {
    List<HumanName> current =
        patient.getName().stream().filter(n -> !n.hasPeriod() || !n.getPeriod().hasEnd()).toList();
    for (HumanName.NameUse use : List.of(HumanName.NameUse.OFFICIAL, HumanName.NameUse.USUAL)) {
      for (HumanName n : current) {
        if (n.getUse() == use) {
          return n;
        }
      }
    }
    return current.isEmpty() ? null : current.get(0);
  }

  private static Address address(Patient patient) {
    List<org.hl7.fhir.r4.model.Address> current =
        patient.getAddress().stream()
            .filter(a -> !a.hasPeriod() || !a.getPeriod().hasEnd())
            .filter(a -> a.getUse() != org.hl7.fhir.r4.model.Address.AddressUse.OLD)
            .toList();
    org.hl7.fhir.r4.model.Address chosen =
        current.stream()
            .filter(a -> a.getUse() == org.hl7.fhir.r4.model.Address.AddressUse.HOME)
            .findFirst()
            .orElse(current.isEmpty() ? null : current.get(0));
    return chosen == null ? null : AddressMapping.toLocal(chosen);
  }

  private void telecom(Patient patient, PatientInput.Builder b) {
    Phone home = null;
    Phone mobile = null;
    Phone work = null;
    String email = null;
    for (ContactPoint point : patient.getTelecom()) {
      if (!point.hasValue() || (point.hasPeriod() && point.getPeriod().hasEnd())) {
        continue;
      }
      if (point.getSystem() == ContactPointSystem.EMAIL) {
        email = email == null ? point.getValue() : email;
        continue;
      }
      if (point.getSystem() != ContactPointSystem.PHONE
          && point.getSystem() != ContactPointSystem.SMS) {
        continue;
      }
      Phone phone = phones.normalise(point.getValue());
      ContactPointUse use = point.getUse();
      if (use == ContactPointUse.MOBILE || point.getSystem() == ContactPointSystem.SMS) {
        mobile = mobile == null ? phone : mobile;
      } else if (use == ContactPointUse.WORK) {
        work = work == null ? phone : work;
      } else if (use != ContactPointUse.OLD) {
        home = home == null ? phone : home;
      }
    }
    b.phones(value(home), value(mobile), value(work), work == null ? null : work.extension());
    b.email(email);
  }

  private static String value(Phone phone) {
    if (phone == null) {
      return null;
    }
    return phone.valid() && phone.extension() != null
        ? phone.value() + " x" + phone.extension()
        : phone.value();
  }

  private String language(Patient patient) {
    Patient.PatientCommunicationComponent chosen =
        patient.getCommunication().stream()
            .filter(Patient.PatientCommunicationComponent::getPreferred)
            .findFirst()
            .orElse(
                patient.getCommunication().isEmpty() ? null : patient.getCommunicationFirstRep());
    if (chosen == null) {
      return null;
    }
    return Concepts.toLocalOrReport(
            codes,
            CodeMapKind.LANGUAGE,
            Collections.singletonList(chosen.getLanguage()),
            LANGUAGE_SYSTEMS)
        .orElse(null);
  }

  private String gender(String code) {
    Optional<String> value =
        codes.toLocal(CodeMapKind.GENDER, FhirSystems.ADMINISTRATIVE_GENDER, code);
    if (value.isEmpty()) {
      codes.unmapped(CodeMapKind.GENDER, FhirSystems.ADMINISTRATIVE_GENDER, code);
    }
    return value.orElse(null);
  }

  /**
   * A US Core race or ethnicity extension: its OMB category, else detailed code, else text. When
   * none maps, the first code is reported as unmapped (a text may be free text and is not).
   */
  private String extension(Patient patient, String url, CodeMapKind kind) {
    Extension extension = patient.getExtensionByUrl(url);
    if (extension == null) {
      return null;
    }
    Coding first = null;
    for (String part : List.of("ombCategory", "detailed")) {
      for (Extension sub : extension.getExtensionsByUrl(part)) {
        if (sub.getValue() instanceof Coding coding) {
          Optional<String> value = Concepts.toLocal(codes, kind, coding, RACE_SYSTEMS);
          if (value.isPresent()) {
            return value.get();
          }
          first = first == null && coding.hasCode() ? coding : first;
        }
      }
    }
    Extension text = extension.getExtensionByUrl("text");
    Optional<String> byText =
        text != null && text.getValue() instanceof StringType s
            ? codes.toLocal(kind, null, s.getValue())
            : Optional.empty();
    if (byText.isEmpty() && first != null) {
      codes.unmapped(kind, first.getSystem(), first.getCode());
    }
    return byText.orElse(null);
  }

  private static String join(List<StringType> parts, String separator) {
    List<String> values = new ArrayList<>();
    parts.stream().filter(p -> p.hasValue()).forEach(p -> values.add(p.getValue()));
    return values.isEmpty() ? null : String.join(separator, values);
  }
}
