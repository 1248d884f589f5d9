package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7.inbound.Fields.Cx;
import com.practicestudio.hl7v2.Segment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncounterRecordsTest {

  private static final CodeTranslator MAPS =
      (kind, system, code) ->
          kind == CodeMapKind.ASSIGNING_AUTHORITY
                  && CodeTranslator.AUTHORITY_TABLE.equals(system)
                  && code.equals("FIN")
              ? Optional.of("urn:oid:2.16.840.1.113883.6.1000.7.319")
              : Optional.empty();

  @Test
  void the_fin_pool_is_named_as_the_code_maps_name_it_and_as_sent_when_unmapped() {
    Cx mapped =
        EncounterRecords.fin(pid("PID|1||42^^^SANDBOX MRN^MRN||DOE|||||||||||||97^^^FIN"), MAPS);
    Cx unmapped =
        EncounterRecords.fin(pid("PID|1||42^^^SANDBOX MRN^MRN||DOE|||||||||||||98^^^VISIT"), MAPS);

    assertThat(mapped.value()).isEqualTo("97");
    assertThat(mapped.authority()).isEqualTo("urn:oid:2.16.840.1.113883.6.1000.7.319");
    assertThat(unmapped.authority()).isEqualTo("VISIT");
    assertThat(EncounterRecords.fin(pid("PID|1||42^^^SANDBOX MRN^MRN||DOE"), MAPS)).isNull();
  }

  private static Segment pid(String pid) {
    return TestInbound.message("MSH|^~\\&|||||||ADT^A08|1|P|2.3\n" + pid)
        .segment("PID")
        .orElseThrow();
  }
}
