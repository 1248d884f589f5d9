package com.practicestudio.clinical;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * UCUM codes for units as people and older interfaces write them: vital-sign words ({@code bpm},
 * {@code mmHg}, {@code lbs}), laboratory units in another case or with a micro sign ({@code MG/DL},
 * {@code µmol/L}) and the usual cell-count spellings ({@code K/uL}, {@code THOU/uL}). The one place
 * both the HL7 results inbound and the FHIR observations to Cerner translate units.
 */
public final class UcumUnits {

  /** The names code systems give UCUM: HL7 v2's coding system id, FHIR's URI, the OID. */
  private static final Set<String> SYSTEMS =
      Set.of("UCUM", "HTTP://UNITSOFMEASURE.ORG", "2.16.840.1.113883.6.8");

  /**
   * Laboratory units found whatever case they are written in. None of them differs from another by
   * case alone (building the map would fail), so the case carries no meaning among them.
   */
  private static final List<String> COMMON =
      List.of(
          "%",
          "g", "mg", "ug", "ng", "pg", "kg", "L", "dL", "mL", "uL", "fL", "g/dL", "g/L", "mg/dL",
          "mg/L", "ug/dL", "ug/L", "ug/mL", "ng/dL", "ng/mL", "pg/mL", "mol/L", "mmol/L", "umol/L",
          "nmol/L", "pmol/L", "mEq/L", "U/L", "U/mL", "IU/L", "IU/mL", "mIU/L", "mIU/mL", "uIU/mL",
          "mm/h", "mL/min", "10*3/uL", "10*6/uL", "10*9/L", "10*12/L", "/uL", "/nL", "/pL",
          "/[HPF]", "/[LPF]");

  /** Spellings that are no UCUM unit in any case, by their lower case (micro sign as u). */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("bpm", "/min"),
          Map.entry("beats/min", "/min"),
          Map.entry("breaths/min", "/min"),
          Map.entry("br/min", "/min"),
          Map.entry("1/min", "/min"),
          Map.entry("mmhg", "mm[Hg]"),
          Map.entry("mm hg", "mm[Hg]"),
          Map.entry("c", "Cel"),
          Map.entry("°c", "Cel"),
          Map.entry("degc", "Cel"),
          Map.entry("cel", "Cel"),
          Map.entry("f", "[degF]"),
          Map.entry("°f", "[degF]"),
          Map.entry("degf", "[degF]"),
          Map.entry("in", "[in_i]"),
          Map.entry("inch", "[in_i]"),
          Map.entry("inches", "[in_i]"),
          Map.entry("lb", "[lb_av]"),
          Map.entry("lbs", "[lb_av]"),
          Map.entry("kg/m^2", "kg/m2"),
          Map.entry("kg/m²", "kg/m2"),
          Map.entry("percent", "%"),
          Map.entry("grams", "g"),
          Map.entry("gm/dl", "g/dL"),
          Map.entry("mcg/dl", "ug/dL"),
          Map.entry("mcg/l", "ug/L"),
          Map.entry("mcg/ml", "ug/mL"),
          Map.entry("mm/hr", "mm/h"),
          Map.entry("sec", "s"),
          Map.entry("hr", "h"),
          Map.entry("hrs", "h"),
          Map.entry("hour(s)", "h"),
          Map.entry("/hpf", "/[HPF]"),
          Map.entry("/lpf", "/[LPF]"),
          Map.entry("k/ul", "10*3/uL"),
          Map.entry("thou/ul", "10*3/uL"),
          Map.entry("x10^3/ul", "10*3/uL"),
          Map.entry("10^3/ul", "10*3/uL"),
          Map.entry("x10e3/ul", "10*3/uL"),
          Map.entry("thou/mm3", "10*3/uL"),
          Map.entry("k/mm3", "10*3/uL"),
          Map.entry("m/ul", "10*6/uL"),
          Map.entry("mil/ul", "10*6/uL"),
          Map.entry("mill/ul", "10*6/uL"),
          Map.entry("x10^6/ul", "10*6/uL"),
          Map.entry("10^6/ul", "10*6/uL"),
          Map.entry("x10e6/ul", "10*6/uL"),
          Map.entry("mill/mm3", "10*6/uL"),
          Map.entry("mil/mm3", "10*6/uL"),
          Map.entry("x10^9/l", "10*9/L"),
          Map.entry("10^9/l", "10*9/L"),
          Map.entry("giga.l-1", "10*9/L"),
          Map.entry("x10^12/l", "10*12/L"),
          Map.entry("10^12/l", "10*12/L"),
          Map.entry("tera.l-1", "10*12/L"));

  private static final Map<String, String> BY_LOWER_CASE =
      COMMON.stream()
          .collect(Collectors.toMap(u -> u.toLowerCase(Locale.ROOT), Function.identity()));

  private UcumUnits() {}

  /**
   * The UCUM code of a unit as written; the unit itself (stripped) when no UCUM form of it is
   * known, so that nothing sent is lost; empty for no unit.
   */
  public static Optional<String> code(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    String written = unit.strip();
    String key = written.toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
    String known = ALIASES.getOrDefault(key, BY_LOWER_CASE.get(key));
    return Optional.of(known != null ? known : written);
  }

  /** Whether a coding system name ({@code UCUM}, its URI or OID) is UCUM. */
  public static boolean isUcumSystem(String system) {
    return system != null && SYSTEMS.contains(system.strip().toUpperCase(Locale.ROOT));
  }
}
