package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.Alias;
import com.practicestudio.sandbox.data.MillenniumCodes;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.Phone;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** PERSON → FHIR Patient as Cerner shapes it (MRN type MR, US Core race/ethnicity/birth sex). */
public final class PatientMapper {

  static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";

  private final CernerCodes codes;

  public PatientMapper(CernerCodes codes) {
    this.codes = codes;
  }

  public Patient toFhir(PatientRecord record) {
    Patient patient = new Patient();
    patient.setId(Long.toString(record.personId()));
    patient.getMeta().setVersionId(Integer.toString(record.version()));
    patient.getMeta().setLastUpdated(java.util.Date.from(record.lastUpdated()));
    patient.addExtension(raceOrEthnicity("us-core-race", record.race()));
    patient.addExtension(raceOrEthnicity("us-core-ethnicity", record.ethnicity()));
    patient.addExtension(
        new Extension(US_CORE + "us-core-birthsex", new CodeType(record.sex().birthSex())));
    record.aliases().forEach(alias -> patient.addIdentifier(identifier(alias)));
    patient.setActive(record.active());
    patient.addName(name(record));
    record.phones().forEach(phone -> patient.addTelecom(telecom(phone)));
    record
        .emails()
        .forEach(
            email ->
                patient.addTelecom(
                    new ContactPoint()
                        .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                        .setValue(email)
                        .setUse(ContactPoint.ContactPointUse.HOME)));
    patient.setGender(AdministrativeGender.fromCode(record.sex().fhirGender()));
    patient.setBirthDateElement(new DateType(record.birthDate().toString()));
    record.addresses().forEach(address -> patient.addAddress(address(address)));
    patient.setMaritalStatus(codes.concept(record.maritalStatus()));
    // only the BCP-47 coding: the element's binding admits no other code system
    patient
        .addCommunication()
        .setLanguage(
            new org.hl7.fhir.r4.model.CodeableConcept(
                    CernerCodes.coding(record.language().standard()))
                .setText(record.language().display()))
        .setPreferred(true);
    if (record.mergedInto() != null) {
      patient
          .addLink()
          .setType(Patient.LinkType.REPLACEDBY)
          .setOther(new Reference("Patient/" + record.mergedInto()));
    }
    return patient;
  }

  private Identifier identifier(Alias alias) {
    Identifier identifier =
        new Identifier()
            .setUse(Identifier.IdentifierUse.USUAL)
            .setSystem(alias.system())
            .setValue(alias.value());
    switch (alias.type()) {
      case MRN ->
          identifier.setType(
              codes.identifierType(MillenniumCodes.MRN, "MR", "Medical record number"));
      case SSN ->
          identifier.setType(
              codes.identifierType(MillenniumCodes.SSN, "SS", "Social Security number"));
      default -> throw new IllegalArgumentException("not a person alias: " + alias.type());
    }
    return identifier;
  }

  private static HumanName name(PatientRecord record) {
    HumanName name =
        new HumanName()
            .setUse(HumanName.NameUse.OFFICIAL)
            .setText(record.name().formatted())
            .setFamily(record.name().family())
            .addGiven(record.name().given());
    if (record.name().middle() != null) {
      name.addGiven(record.name().middle());
    }
    if (record.name().suffix() != null) {
      name.addSuffix(record.name().suffix());
    }
    return name;
  }

  static ContactPoint telecom(Phone phone) {
    return new ContactPoint()
        .setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setValue(phone.nationalDigits())
        .setUse(
            switch (phone.use()) {
              case HOME -> ContactPoint.ContactPointUse.HOME;
              case MOBILE -> ContactPoint.ContactPointUse.MOBILE;
              case WORK -> ContactPoint.ContactPointUse.WORK;
            });
  }

  static Address address(com.practicestudio.sandbox.data.Address source) {
    List<String> lines = new ArrayList<>();
    lines.add(source.line1());
    if (source.line2() != null) {
      lines.add(source.line2());
    }
    Address address =
        new Address()
            .setUse(Address.AddressUse.fromCode(source.use()))
            .setCity(source.city())
            .setState(source.state())
            .setPostalCode(source.postalCode())
            .setCountry(source.country());
    lines.forEach(address::addLine);
    address.setText(
        String.join(", ", lines)
            + ", "
            + source.city()
            + ", "
            + source.state()
            + " "
            + source.postalCode());
    return address;
  }

  private Extension raceOrEthnicity(String id, com.practicestudio.sandbox.data.Coded value) {
    Extension extension = new Extension(US_CORE + id);
    Coding omb = CernerCodes.coding(value.standard());
    extension.addExtension(new Extension("ombCategory", omb));
    extension.addExtension(new Extension("text", new StringType(value.display())));
    return extension;
  }
}
