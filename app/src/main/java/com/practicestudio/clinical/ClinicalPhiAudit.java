package com.practicestudio.clinical;

import com.practicestudio.security.audit.AuditLog;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/** Audits what the API shows: one PHI read per patient whose records a response carries. */
@Component
class ClinicalPhiAudit {

  private final AuditLog audit;

  ClinicalPhiAudit(AuditLog audit) {
    this.audit = audit;
  }

  void read(long patientId, String via) {
    audit.phiRead("patient", patientId, via);
  }

  <T> void read(List<T> records, ToLongFunction<T> patientOf, String via) {
    records.stream().mapToLong(patientOf).distinct().forEach(p -> read(p, via));
  }
}
