package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/** PRSNL → Practitioner (with NPI) and LOCATION → Location. */
public final class DirectoryMapper {

  private static final String PHYSICAL_TYPE =
      "http://terminology.hl7.org/CodeSystem/location-physical-type";
  private static final String V2_0360 = "http://terminology.hl7.org/CodeSystem/v2-0360";

  public Practitioner toFhir(ProviderRecord record) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(Long.toString(record.personnelId()));
    practitioner.getMeta().setVersionId("1").setLastUpdated(Date.from(record.lastUpdated()));
    practitioner.addIdentifier(
        new Identifier()
            .setUse(Identifier.IdentifierUse.USUAL)
            .setType(
                new CodeableConcept(
                        new Coding(CernerCodes.V2_0203, "NPI", "National provider identifier"))
                    .setText("National Provider Identifier"))
            .setSystem(SandboxIdentifiers.NPI_SYSTEM)
            .setValue(record.npi()));
    practitioner.setActive(true);
    practitioner.addName(
        new HumanName()
            .setUse(HumanName.NameUse.OFFICIAL)
            .setText(record.name().formatted() + ", " + record.credential())
            .setFamily(record.name().family())
            .addGiven(record.name().given())
            .addSuffix(record.credential()));
    practitioner.addTelecom(PatientMapper.telecom(record.phone()));
    practitioner.addTelecom(
        new ContactPoint()
            .setSystem(ContactPoint.ContactPointSystem.EMAIL)
            .setUse(ContactPoint.ContactPointUse.WORK)
            .setValue(record.email()));
    practitioner.setGender(AdministrativeGender.fromCode(record.sex().fhirGender()));
    practitioner
        .addQualification()
        .setCode(
            new CodeableConcept(new Coding(V2_0360, record.credential(), record.credential()))
                .setText(record.credential()));
    return practitioner;
  }

  public Location toFhir(LocationRecord record) {
    Location location = new Location();
    location.setId(Long.toString(record.locationId()));
    location.getMeta().setVersionId("1").setLastUpdated(Date.from(record.lastUpdated()));
    location.setStatus(Location.LocationStatus.ACTIVE);
    location.setName(record.name());
    location.setMode(Location.LocationMode.INSTANCE);
    boolean facility = record.kind() == LocationRecord.Kind.FACILITY;
    location.setPhysicalType(
        new CodeableConcept(
                new Coding(PHYSICAL_TYPE, facility ? "si" : "bu", facility ? "Site" : "Building"))
            .setText(facility ? "Facility" : "Ambulatory"));
    location.addTelecom(PatientMapper.telecom(record.phone()));
    location.setAddress(PatientMapper.address(record.address()));
    if (record.parentId() != null) {
      location.setPartOf(new Reference("Location/" + record.parentId()));
    }
    return location;
  }
}
