package com.practicestudio.fhir;

import com.practicestudio.contact.Address;
import java.util.List;
import org.hl7.fhir.r4.model.StringType;

/** FHIR Address ⇄ Practice Studio address: the first line, the rest joined as line 2. */
final class AddressMapping {

  private AddressMapping() {}

  static Address toLocal(org.hl7.fhir.r4.model.Address a) {
    List<StringType> lines = a.getLine();
    String line1 = lines.isEmpty() ? null : lines.get(0).getValue();
    String line2 =
        lines.size() > 1
            ? String.join(
                ", ", lines.subList(1, lines.size()).stream().map(StringType::getValue).toList())
            : null;
    return new Address(line1, line2, a.getCity(), a.getState(), a.getPostalCode(), a.getCountry())
        .trimmed();
  }
}
