package com.practicestudio.scheduling;

import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationQuery;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.Provider;
import com.practicestudio.directory.ProviderQuery;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.web.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The options of the console's appointment form: active providers and locations, plus the one the
 * form holds when it is not among them (inactive, or an id that names nothing), so that saving a
 * form never swaps it silently for another.
 */
@Component
class AppointmentConsoleChoices {

  /** One option of a select: the value posted and the text shown. */
  record Choice(String value, String label) {}

  private final ProviderService providers;
  private final LocationService locations;

  AppointmentConsoleChoices(ProviderService providers, LocationService locations) {
    this.providers = providers;
    this.locations = locations;
  }

  List<Choice> providers(String selected) {
    List<Choice> list =
        new ArrayList<>(
            providers
                .search(new ProviderQuery(null, null, null, true), Page.MAX_LIMIT, null)
                .items()
                .stream()
                .map(AppointmentConsoleChoices::of)
                .toList());
    return withSelected(list, selected, id -> providers.find(id).map(p -> of(p)), "provider");
  }

  List<Choice> locations(String selected) {
    List<Choice> list =
        new ArrayList<>(
            locations
                .search(new LocationQuery(null, null, null, true), Page.MAX_LIMIT, null)
                .items()
                .stream()
                .map(AppointmentConsoleChoices::of)
                .toList());
    return withSelected(list, selected, id -> locations.find(id).map(l -> of(l)), "location");
  }

  /** Every status but {@code cancelled}: cancelling has its own, confirmed action. */
  List<String> statuses() {
    return AppointmentStatus.CODES.stream()
        .filter(code -> !code.equals(AppointmentStatus.CANCELLED.code()))
        .toList();
  }

  String providerName(Long id) {
    return id == null ? "" : providers.find(id).map(p -> of(p).label()).orElse("");
  }

  String locationName(Long id) {
    return id == null ? "" : locations.find(id).map(l -> of(l).label()).orElse("");
  }

  private static List<Choice> withSelected(
      List<Choice> list,
      String selected,
      java.util.function.LongFunction<Optional<Choice>> find,
      String kind) {
    if (selected == null
        || selected.isBlank()
        || list.stream().anyMatch(c -> c.value().equals(selected.strip()))) {
      return list;
    }
    Choice extra;
    try {
      extra =
          find.apply(Long.parseLong(selected.strip()))
              .orElse(new Choice(selected.strip(), "unknown " + kind + " " + selected.strip()));
    } catch (NumberFormatException e) {
      extra = new Choice(selected.strip(), "not a " + kind + " id");
    }
    list.add(0, extra);
    return list;
  }

  private static Choice of(Provider p) {
    String name = p.lastName() + (p.firstName() == null ? "" : ", " + p.firstName());
    String credentials = p.credentials() == null ? "" : " " + p.credentials();
    return new Choice(
        Long.toString(p.id()), name + credentials + (p.active() ? "" : " (inactive)"));
  }

  private static Choice of(Location l) {
    String zone = l.timeZone() == null ? "" : " (" + l.timeZone() + ")";
    return new Choice(Long.toString(l.id()), l.name() + zone + (l.active() ? "" : " (inactive)"));
  }
}
