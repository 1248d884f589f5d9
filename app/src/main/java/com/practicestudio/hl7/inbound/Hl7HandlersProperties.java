package com.practicestudio.hl7.inbound;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How inbound HL7 messages are applied ({@code practice-studio.hl7.handlers.*}).
 *
 * @param facilityTimeZones the time zone of each sending facility (MSH-4.1), for times sent without
 *     an offset whose location is unknown, e.g. {@code
 *     practice-studio.hl7.handlers.facility-time-zones.[GOOD HEALTH]=America/New_York}
 * @param mrnTypes PID-3 identifier type codes (CX-5) that mark the medical record number, compared
 *     ignoring case; a site whose Cerner domain sends a raw alias type such as {@code CD:10} adds
 *     it here
 */
@ConfigurationProperties("practice-studio.hl7.handlers")
public record Hl7HandlersProperties(
    Map<String, ZoneId> facilityTimeZones, @DefaultValue({"MR", "MRN"}) List<String> mrnTypes) {

  public Hl7HandlersProperties {
    facilityTimeZones = facilityTimeZones == null ? Map.of() : Map.copyOf(facilityTimeZones);
    facilityTimeZones.forEach(
        (facility, zone) -> {
          if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
            throw new IllegalArgumentException(
                "practice-studio.hl7.handlers.facility-time-zones: use a region id such as"
                    + " America/Chicago, not an offset");
          }
        });
    mrnTypes =
        mrnTypes == null
            ? List.of("MR", "MRN")
            : mrnTypes.stream().map(t -> t.strip().toUpperCase(Locale.ROOT)).toList();
  }

  public static Hl7HandlersProperties defaults() {
    return new Hl7HandlersProperties(null, null);
  }

  boolean isMrnType(String type) {
    return type != null && mrnTypes.contains(type.strip().toUpperCase(Locale.ROOT));
  }
}
