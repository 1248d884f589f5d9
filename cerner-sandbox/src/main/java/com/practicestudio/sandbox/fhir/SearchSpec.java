package com.practicestudio.sandbox.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The search parameters each resource type supports, as the CapabilityStatement lists them and as
 * the providers check them.
 */
final class SearchSpec {

  /** One supported search parameter. */
  record Param(String name, SearchParamType type, String documentation) {}

  static final Map<String, List<Param>> BY_TYPE = new LinkedHashMap<>();

  static {
    BY_TYPE.put(
        "Patient",
        List.of(
            token("_id", "The logical resource id"),
            token("identifier", "A patient identifier (system|value), e.g. an MRN"),
            string("name", "The start of the family or given name; :exact supported"),
            string("family", "The start of the family name; :exact supported"),
            string("given", "The start of the given name; :exact supported"),
            date("birthdate", "Date of birth, once with eq/ge/gt/le/lt or twice with ge and le"),
            token("phone", "A phone number"),
            token("email", "An email address"),
            string("address-postalcode", "The postal code of an address"),
            token("gender", "Administrative gender (only with another parameter)")));
    BY_TYPE.put(
        "Practitioner",
        List.of(
            token("_id", "The logical resource id"),
            token("identifier", "A practitioner identifier, e.g. an NPI"),
            string("name", "The start of the family or given name"),
            string("family", "The start of the family name"),
            string("given", "The start of the given name")));
    BY_TYPE.put(
        "Location",
        List.of(
            token("_id", "The logical resource id"),
            string("name", "The start of the location name"),
            string("address-postalcode", "The postal code of the location"),
            token("-physicalType", "si (facility) or bu (ambulatory)")));
    BY_TYPE.put(
        "Encounter",
        List.of(
            token("_id", "The logical resource id"),
            reference("patient", "The patient (required unless _id, subject or identifier)"),
            reference("subject", "The patient, as Patient/{id}"),
            token("identifier", "The FIN (system|value)"),
            token("status", "The encounter status"),
            date("date", "The encounter period, with prefixes")));
    BY_TYPE.put(
        "Appointment",
        List.of(
            token("_id", "The logical resource id"),
            reference("patient", "The patient (requires date)"),
            reference("practitioner", "The practitioner (requires date)"),
            reference("location", "The location (requires date)"),
            date("date", "The appointment start, with ge/gt and le/lt prefixes"),
            token("status", "The appointment status")));
    BY_TYPE.put(
        "Slot",
        List.of(
            token("_id", "The logical resource id"),
            token("service-type", "Appointment types (codeSet 14249); requires start"),
            date("start", "The slot start, given twice: ge/gt and le/lt"),
            reference("schedule.actor", "Practitioner references"),
            reference("-location", "The scheduling location")));
    BY_TYPE.put(
        "Schedule",
        List.of(
            token("_id", "The logical resource id"),
            reference("actor", "Practitioner or Location references")));
    BY_TYPE.put(
        "Observation",
        List.of(
            token("_id", "The logical resource id"),
            reference("patient", "The patient (required unless _id or subject)"),
            reference("subject", "The patient, as Patient/{id}"),
            token("category", "vital-signs or laboratory"),
            token("code", "LOINC codes (system|code)"),
            date("date", "The effective time, with prefixes")));
    BY_TYPE.put(
        "DocumentReference",
        List.of(
            token("_id", "The logical resource id"),
            reference("patient", "The patient (required unless _id)"),
            reference("encounter", "Encounters"),
            token("type", "LOINC document types"),
            date("period", "The time of service, with ge and lt")));
  }

  private SearchSpec() {}

  static List<Param> of(String type) {
    return BY_TYPE.getOrDefault(type, List.of());
  }

  private static Param token(String name, String doc) {
    return new Param(name, SearchParamType.TOKEN, doc);
  }

  private static Param string(String name, String doc) {
    return new Param(name, SearchParamType.STRING, doc);
  }

  private static Param date(String name, String doc) {
    return new Param(name, SearchParamType.DATE, doc);
  }

  private static Param reference(String name, String doc) {
    return new Param(name, SearchParamType.REFERENCE, doc);
  }
}
