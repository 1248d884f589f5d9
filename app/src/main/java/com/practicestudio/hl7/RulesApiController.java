package com.practicestudio.hl7;

import com.practicestudio.web.Page;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/hl7/interfaces/{id}/rules}: a listener's filter and transformation rules, and
 * {@code POST …/rules/try} to run them (with an unsaved rule) on a pasted message. {@code
 * MAPPINGS_WRITE} edits and tries.
 */
@RestController
@RequestMapping("/api/v1/hl7/interfaces/{interfaceId}/rules")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class RulesApiController {

  /**
   * A trial: the pasted message, and optionally an unsaved rule put in place of rule {@code
   * replacing} or inserted at its position.
   */
  record TryRequest(String message, RuleInput rule, Long replacing) {}

  private final Hl7Rules rules;

  RulesApiController(Hl7Rules rules) {
    this.rules = rules;
  }

  @GetMapping
  Page<Hl7Rule> list(@PathVariable long interfaceId) {
    return new Page<>(rules.list(interfaceId), null);
  }

  @GetMapping("/{ruleId}")
  Hl7Rule get(@PathVariable long interfaceId, @PathVariable long ruleId) {
    return rules.get(interfaceId, ruleId);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  ResponseEntity<Hl7Rule> create(@PathVariable long interfaceId, @RequestBody RuleInput body) {
    Hl7Rule created = rules.create(interfaceId, body);
    return ResponseEntity.created(
            URI.create("/api/v1/hl7/interfaces/" + interfaceId + "/rules/" + created.id()))
        .body(created);
  }

  @PutMapping("/{ruleId}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  Hl7Rule update(
      @PathVariable long interfaceId,
      @PathVariable long ruleId,
      @RequestBody RuleInput body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return rules.update(interfaceId, ruleId, body, Versions.parse(ifMatch));
  }

  @DeleteMapping("/{ruleId}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  ResponseEntity<Void> delete(@PathVariable long interfaceId, @PathVariable long ruleId) {
    rules.delete(interfaceId, ruleId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/try")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  RuleTrial.Result tryOn(@PathVariable long interfaceId, @RequestBody TryRequest body) {
    return rules.tryOn(interfaceId, body.message(), body.rule(), body.replacing());
  }
}
