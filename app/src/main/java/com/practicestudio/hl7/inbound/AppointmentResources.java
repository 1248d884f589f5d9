package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7.Hl7Properties;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The location and the provider of an SIU appointment. An SIU lists what is booked in resource
 * groups (RGS, then AIS services, AIG general resources, AIL locations, AIP personnel), and a
 * Cerner SIU may carry several of each: a room and its clinic, the attending and a nurse. A
 * Practice Studio appointment keeps one location and one provider, chosen so:
 *
 * <ul>
 *   <li>A resource whose segment action code (-2, HL7 table 0206) is {@code D} was taken off the
 *       appointment and is not read.
 *   <li>Location: the first AIL whose AIL-3 is sent.
 *   <li>Provider: the AIPs whose AIP-3 is sent, the attending (AIP-4 role {@code AT}, HL7 table
 *       0443, or another code in {@code practice-studio.hl7.attending-roles}, or a role text that
 *       starts "attending") first, then in message order; the first that names a provider we know
 *       or can create. Without such an AIP, the AIGs whose AIG-3 is sent, in order; the first that
 *       names a known provider (an AIG may name a room or a device, so none is created from it).
 *   <li>As elsewhere, {@code ""} in the resource that decides (the first AIL, the first AIP, else
 *       the first AIG) clears the stored value; nothing sent keeps it.
 * </ul>
 */
@Component
class AppointmentResources {

  /** HL7 table 0206 "delete": the resource no longer belongs to the appointment. */
  private static final String DELETED = "D";

  private final LocationResolver locations;
  private final ProviderResolver providers;
  private final Set<String> attendingRoles;

  AppointmentResources(
      LocationResolver locations, ProviderResolver providers, Hl7Properties properties) {
    this.locations = locations;
    this.providers = providers;
    this.attendingRoles = roles(properties.attendingRoles());
  }

  /** Role codes as compared: case does not count. */
  static Set<String> roles(Collection<String> codes) {
    return codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  Long location(Inbound in, Long stored) {
    List<Segment> ails = sent(in.message(), "AIL");
    if (ails.isEmpty()) {
      return stored;
    }
    Segment primary = ails.get(0);
    if (Fields.isNull(primary, 3)) {
      return null;
    }
    return locations.resolve(in, Fields.pl(primary, 3)).orElse(stored);
  }

  Long provider(Inbound in, Long stored) {
    List<Segment> aips = personnel(in.message(), attendingRoles);
    if (!aips.isEmpty()) {
      if (Fields.isNull(aips.get(0), 3)) {
        return null;
      }
      for (Segment aip : aips) {
        Optional<Long> id =
            valued(aip) ? providers.resolve(in, Fields.xcn(aip, 3, 1)) : Optional.<Long>empty();
        if (id.isPresent()) {
          return id.get();
        }
      }
    }
    List<Segment> aigs = sent(in.message(), "AIG");
    if (aips.isEmpty() && !aigs.isEmpty() && Fields.isNull(aigs.get(0), 3)) {
      return null;
    }
    for (Segment aig : aigs) {
      Optional<Long> id =
          valued(aig) ? providers.find(in, resourceId(aig)) : Optional.<Long>empty();
      if (id.isPresent()) {
        return id.get();
      }
    }
    return stored;
  }

  /**
   * The AIPs whose AIP-3 is sent, the attending first, else in message order. {@code
   * attendingRoles}: upper-case role codes, as {@link #roles} gives them.
   */
  static List<Segment> personnel(Hl7Message m, Set<String> attendingRoles) {
    List<Segment> attending = new ArrayList<>();
    List<Segment> others = new ArrayList<>();
    for (Segment aip : sent(m, "AIP")) {
      (isAttending(aip, attendingRoles) ? attending : others).add(aip);
    }
    attending.addAll(others);
    return attending;
  }

  /**
   * The segments of {@code name} still on the appointment whose field 3 is valued or {@code ""}.
   */
  static List<Segment> sent(Hl7Message m, String name) {
    return m.segments(name).stream()
        .filter(s -> !DELETED.equalsIgnoreCase(Fields.text(s, 2, 1)))
        .filter(s -> valued(s) || Fields.isNull(s, 3))
        .toList();
  }

  private static boolean isAttending(Segment aip, Set<String> attendingRoles) {
    String code = Fields.text(aip, 4, 1);
    String text = Fields.text(aip, 4, 2);
    return (code != null && attendingRoles.contains(code.strip().toUpperCase(Locale.ROOT)))
        || (text != null && text.strip().toLowerCase(Locale.ROOT).startsWith("attending"));
  }

  private static boolean valued(Segment s) {
    return Fields.valued(s, 3);
  }

  private static Fields.Xcn resourceId(Segment aig) {
    return new Fields.Xcn(Fields.text(aig, 3, 1), null, null, null, null, null);
  }
}
