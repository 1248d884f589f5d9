package com.practicestudio.fhir;

import com.practicestudio.contact.Phone;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.directory.LocationInput;
import com.practicestudio.directory.ProviderInput;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.StringType;

/**
 * Cerner Practitioner → provider (NPI from the {@code us-npi} identifier) and Location → location.
 * Cerner's Location carries no time zone: the domain's is used. Pure: no I/O.
 */
public final class DirectoryMapper {

  private final PhoneNumbers phones;

  public DirectoryMapper(PhoneNumbers phones) {
    this.phones = phones;
  }

  public ProviderInput toInput(Practitioner practitioner) {
    HumanName name =
        practitioner.getName().stream()
            .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
            .findFirst()
            .orElse(practitioner.getName().isEmpty() ? null : practitioner.getNameFirstRep());
    Optional<Phone> phone = phone(practitioner.getTelecom());
    return new ProviderInput(
        practitioner.getIdElement().getIdPart(),
        npi(practitioner).orElse(null),
        name == null || !name.hasGiven() ? null : name.getGiven().get(0).getValue(),
        name == null ? null : name.getFamily(),
        credentials(practitioner, name),
        null,
        phone.map(Phone::value).orElse(null),
        phone.map(Phone::extension).orElse(null),
        practitioner.getTelecom().stream()
            .filter(t -> t.getSystem() == ContactPointSystem.EMAIL && t.hasValue())
            .map(ContactPoint::getValue)
            .findFirst()
            .orElse(null),
        practitioner.hasActive() ? practitioner.getActive() : null);
  }

  /**
   * @param domainZone the Cerner domain's time zone, which its locations keep their times in
   */
  public LocationInput toInput(Location location, ZoneId domainZone) {
    Optional<Phone> phone = phone(location.getTelecom());
    return new LocationInput(
        location.getIdElement().getIdPart(),
        location.getName(),
        kind(location),
        domainZone == null ? null : domainZone.getId(),
        location.hasAddress() ? AddressMapping.toLocal(location.getAddress()) : null,
        phone.map(Phone::value).orElse(null),
        phone.map(Phone::extension).orElse(null),
        location.hasStatus() ? location.getStatus() == Location.LocationStatus.ACTIVE : null);
  }

  /** The NPI: the identifier in the {@code us-npi} system, or typed v2-0203 {@code NPI}. */
  static Optional<String> npi(Practitioner practitioner) {
    for (Identifier identifier : practitioner.getIdentifier()) {
      if (identifier.hasValue()
          && (FhirSystems.NPI.equals(identifier.getSystem())
              || "NPI".equals(PatientMapper.identifierType(identifier)))) {
        return Optional.of(identifier.getValue());
      }
    }
    return Optional.empty();
  }

  private static String credentials(Practitioner practitioner, HumanName name) {
    if (name != null && name.hasSuffix()) {
      return String.join(" ", name.getSuffix().stream().map(StringType::getValue).toList());
    }
    return practitioner.getQualification().stream()
        .map(q -> Concepts.text(q.getCode()))
        .filter(t -> t != null)
        .findFirst()
        .orElse(null);
  }

  private static String kind(Location location) {
    String text = Concepts.text(location.getPhysicalType());
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private Optional<Phone> phone(java.util.List<ContactPoint> telecom) {
    return telecom.stream()
        .filter(t -> t.getSystem() == ContactPointSystem.PHONE && t.hasValue())
        .findFirst()
        .map(t -> phones.normalise(t.getValue()));
  }
}
