package com.practicestudio.sandbox.hl7;

import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.ObservationRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain's charge master, and what an encounter bills: the visit (an E/M code by encounter
 * type), each lab test resulted at it plus one venipuncture, and diagnoses read from its results
 * (blood pressure, HbA1c, BMI), or a general examination when nothing stands out. Deterministic:
 * the same encounter always bills the same.
 */
final class ChargeCatalog {

  /** A charge master (CDM) item with its CPT code and unit price in USD. */
  record Item(String cdm, String cpt, String description, BigDecimal price) {}

  /** An ICD-10-CM diagnosis. */
  record Diagnosis(String code, String description) {}

  /** One charge line of an encounter. */
  record Charge(Item item, int quantity) {
    BigDecimal amount() {
      return item.price().multiply(BigDecimal.valueOf(quantity));
    }
  }

  static final Item OFFICE_VISIT =
      item("4100213", "99213", "Office/outpatient visit, established, low complexity", "135.00");
  static final Item EMERGENCY_VISIT =
      item("4100284", "99284", "Emergency department visit, high severity", "480.00");
  static final Item VENIPUNCTURE = item("3600415", "36415", "Routine venipuncture", "10.00");

  private static final Map<String, Item> LAB_ITEMS =
      Map.of(
          "2345-7", item("3000947", "82947", "Glucose, quantitative, blood", "18.00"),
          "4548-4", item("3000036", "83036", "Hemoglobin A1c", "42.00"),
          "2823-3", item("3000132", "84132", "Potassium, serum", "15.00"),
          "2160-0", item("3000565", "82565", "Creatinine, blood", "20.00"),
          "718-7", item("3000018", "85018", "Hemoglobin", "12.00"));

  static final Diagnosis HYPERTENSION = new Diagnosis("I10", "Essential (primary) hypertension");
  static final Diagnosis DIABETES =
      new Diagnosis("E11.9", "Type 2 diabetes mellitus without complications");
  static final Diagnosis PREDIABETES = new Diagnosis("R73.03", "Prediabetes");
  static final Diagnosis OBESITY = new Diagnosis("E66.9", "Obesity, unspecified");
  static final Diagnosis GENERAL_EXAM =
      new Diagnosis(
          "Z00.00", "Encounter for general adult medical examination without abnormal findings");

  private ChargeCatalog() {}

  static List<Charge> charges(EncounterRecord encounter, List<ObservationRecord> observations) {
    List<Charge> charges = new ArrayList<>();
    charges.add(
        new Charge("EMER".equals(encounter.encounterClass()) ? EMERGENCY_VISIT : OFFICE_VISIT, 1));
    boolean drawn = false;
    for (ObservationRecord observation : observations) {
      Item lab = LAB_ITEMS.get(observation.code().code());
      if (lab != null && "laboratory".equals(observation.category())) {
        charges.add(new Charge(lab, 1));
        drawn = true;
      }
    }
    if (drawn) {
      charges.add(new Charge(VENIPUNCTURE, 1));
    }
    return charges;
  }

  static List<Diagnosis> diagnoses(List<ObservationRecord> observations) {
    Map<String, Diagnosis> found = new LinkedHashMap<>();
    for (ObservationRecord observation : observations) {
      for (ObservationRecord.Component component : observation.components()) {
        BigDecimal value = component.value().value();
        boolean systolic = "8480-6".equals(component.code().code());
        if (value.compareTo(BigDecimal.valueOf(systolic ? 140 : 90)) >= 0) {
          found.put(HYPERTENSION.code(), HYPERTENSION);
        }
      }
      if (observation.value() == null) {
        continue;
      }
      BigDecimal value = observation.value().value();
      switch (observation.code().code()) {
        case "4548-4" -> {
          if (value.compareTo(new BigDecimal("6.5")) >= 0) {
            found.put(DIABETES.code(), DIABETES);
          } else if (value.compareTo(new BigDecimal("5.7")) >= 0) {
            found.put(PREDIABETES.code(), PREDIABETES);
          }
        }
        case "39156-5" -> {
          if (value.compareTo(BigDecimal.valueOf(30)) >= 0) {
            found.put(OBESITY.code(), OBESITY);
          }
        }
        default -> {}
      }
    }
    return found.isEmpty() ? List.of(GENERAL_EXAM) : List.copyOf(found.values());
  }

  private static Item item(String cdm, String cpt, String description, String price) {
    return new Item(cdm, cpt, description, new BigDecimal(price));
  }
}
