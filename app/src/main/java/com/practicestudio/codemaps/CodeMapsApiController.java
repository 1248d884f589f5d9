package com.practicestudio.codemaps;

import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.Page;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/code-maps}: everyone with records access reads; {@code MAPPINGS_WRITE} edits. */
@RestController
@RequestMapping("/api/v1/code-maps")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class CodeMapsApiController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CodeMaps codeMaps;

  CodeMapsApiController(CodeMaps codeMaps) {
    this.codeMaps = codeMaps;
  }

  record Translation(String kind, String scope, String codeSystem, String code, String value) {}

  @GetMapping
  Page<CodeMap> list(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String codeSystem,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return codeMaps.list(
        new CodeMapQuery(kind(kind, false), scope, codeSystem, code, value),
        Page.limit(limit),
        cursor);
  }

  /**
   * Codes that messages sent and no mapping translated, still unmapped: kind, scope, code system,
   * code, how often, first and last seen, the latest journal row that carried the code.
   */
  @GetMapping("/misses")
  Page<CodeMapMiss> misses(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return codeMaps.misses(kind(kind, false), Page.limit(limit), cursor);
  }

  @GetMapping("/{id}")
  CodeMap get(@PathVariable long id) {
    return codeMaps.get(id);
  }

  @GetMapping("/translate")
  Translation translate(
      @RequestParam String kind,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String codeSystem,
      @RequestParam String code) {
    CodeMapKind k = kind(kind, true);
    return new Translation(
        k.wire(),
        scope,
        CodeSystems.normalise(codeSystem),
        code,
        codeMaps.translate(k, scope, codeSystem, code).orElse(null));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  ResponseEntity<CodeMap> create(@RequestBody CodeMapInput body) {
    CodeMap created = codeMaps.create(body);
    return ResponseEntity.created(URI.create("/api/v1/code-maps/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  CodeMap update(@PathVariable long id, @RequestBody CodeMapInput body) {
    return codeMaps.update(id, body);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    codeMaps.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  ImportReport importFile(@RequestPart(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("file", "is required (a CSV file in the part named file)");
    }
    return codeMaps.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  ImportReport importBody(@RequestBody(required = false) String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("file", "is required (CSV in the request body)");
    }
    return codeMaps.importCsv(body);
  }

  @GetMapping(path = "/export")
  ResponseEntity<String> export(@RequestParam(required = false) String kind) {
    CodeMapKind k = kind(kind, false);
    String name = "code-maps" + (k == null ? "" : "-" + k.wire()) + ".csv";
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(codeMaps.exportCsv(k));
  }

  private static CodeMapKind kind(String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw new InvalidRequestException("kind", "is required");
      }
      return null;
    }
    return CodeMapKind.fromWire(text)
        .orElseThrow(
            () -> new InvalidRequestException("kind", "must be one of " + CodeMapKind.names()));
  }
}
