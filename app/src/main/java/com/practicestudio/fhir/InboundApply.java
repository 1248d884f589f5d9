package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Resource;

/**
 * The shared steps of applying a resource read from Cerner: parse, map, create or update the record
 * with that {@code externalId}, and turn what went wrong into an outcome — a record of an unlinked
 * patient is ignored, data Practice Studio refuses fails the row (naming fields, not values).
 */
final class InboundApply {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private InboundApply() {}

  static <T extends Resource> T parse(Class<T> type, Payload payload) {
    return FHIR.newJsonParser().parseResource(type, payload.text());
  }

  /**
   * @param existing the local record with the resource's id, if any
   * @param update applies the mapped draft to that record
   * @param create creates the record from the mapped draft
   */
  static Outcome upsert(
      String entity,
      ApplyContext context,
      Supplier<java.util.Optional<Long>> existing,
      LongConsumer update,
      Runnable create) {
    try {
      java.util.Optional<Long> id = existing.get();
      if (context.dryRun()) {
        context.report(
            id.isPresent()
                ? Change.update(entity, id.get().toString(), List.of())
                : Change.create(entity, null, List.of()));
        return Outcome.done();
      }
      if (id.isPresent()) {
        update.accept(id.get());
      } else {
        create.run();
      }
      return Outcome.done();
    } catch (FhirMappingException e) {
      return e.error() == FhirError.UNKNOWN_REFERENCE
          ? Outcome.ignored(e.getMessage())
          : Outcome.failed(e.error().code(), e.getMessage());
    } catch (InvalidRequestException e) {
      return Outcome.failed(
          FhirError.INCOMPLETE.code(),
          "refused fields: " + e.problems().stream().map(FieldProblem::field).toList());
    } catch (ConflictException e) {
      // failed, not ignored: the service's transaction is marked for rollback
      return Outcome.failed(FhirError.CONFLICT.code(), e.getMessage());
    }
  }
}
