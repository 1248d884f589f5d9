package com.practicestudio.clinical;

import static com.practicestudio.clinical.EncounterRepository.instant;
import static com.practicestudio.clinical.EncounterRepository.timestamp;

import com.practicestudio.web.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents; metadata reads never load the (sealed) content. */
@Repository
class DocumentRepository {

  private static final String METADATA =
      "id, external_id, patient_id, encounter_id, type_code, type_display, title, status,"
          + " author_id, created_time, content_type, size_bytes, sha256, send_to_cerner,"
          + " cerner_status, created_at, updated_at, version";

  private final JdbcClient jdbc;

  DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** New content: sealed bytes with the plaintext's type, size and hash. */
  record SealedContent(String contentType, byte[] sealed, long sizeBytes, String sha256) {}

  long insert(DocumentDraft d, SealedContent content, Instant now) {
    List<Object> params = columns(d);
    params.addAll(
        List.of(content.contentType(), content.sealed(), content.sizeBytes(), content.sha256()));
    params.add(Boolean.TRUE.equals(d.sendToCerner()));
    params.add(Timestamp.from(now));
    params.add(Timestamp.from(now));
    return jdbc.sql(
            """
            INSERT INTO clinical_document (external_id, patient_id, encounter_id, type_code,
                type_display, title, status, author_id, created_time, content_type, content,
                size_bytes, sha256, send_to_cerner, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Replaces the metadata, and the content when {@code content} is not null. */
  boolean update(long id, DocumentDraft d, SealedContent content, int version, Instant now) {
    List<Object> params = columns(d);
    String contentColumns = "";
    if (content != null) {
      contentColumns = " content_type = ?, content = ?, size_bytes = ?, sha256 = ?,";
      params.addAll(
          List.of(content.contentType(), content.sealed(), content.sizeBytes(), content.sha256()));
    }
    params.add(Timestamp.from(now));
    params.add(id);
    params.add(version);
    return jdbc.sql(
                """
                UPDATE clinical_document
                   SET external_id = ?, patient_id = ?, encounter_id = ?, type_code = ?,
                       type_display = ?, title = ?, status = ?, author_id = ?, created_time = ?,
                """
                    + contentColumns
                    + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
            .params(params)
            .update()
        == 1;
  }

  boolean recordCernerStatus(long id, String cernerStatus, String externalId, Instant now) {
    return jdbc.sql(
                "UPDATE clinical_document SET cerner_status = ?,"
                    + " external_id = coalesce(?, external_id), updated_at = ? WHERE id = ?")
            .params(cernerStatus, externalId, Timestamp.from(now), id)
            .update()
        == 1;
  }

  Optional<ClinicalDocument> find(long id) {
    return jdbc.sql("SELECT " + METADATA + " FROM clinical_document WHERE id = ?")
        .param(id)
        .query(DocumentRepository::map)
        .optional();
  }

  /** The sealed content of a document. */
  Optional<byte[]> sealedContent(long id) {
    return jdbc.sql("SELECT content FROM clinical_document WHERE id = ?")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  List<ClinicalDocument> search(DocumentQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("patient_id = ?", q.patientId())
            .and("encounter_id = ?", q.encounterId())
            .and("type_code = ?", q.typeCode())
            .and("status = ?", q.status())
            .and("external_id = ?", q.externalId())
            .and("created_time >= ?", q.from())
            .and("created_time < ?", q.to())
            .afterCursor("id", cursor);
    return jdbc.sql(
            "SELECT " + METADATA + " FROM clinical_document" + where.sql() + " ORDER BY id LIMIT ?")
        .params(where.params(limit))
        .query(DocumentRepository::map)
        .list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE clinical_document SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  private static List<Object> columns(DocumentDraft d) {
    List<Object> values = new ArrayList<>();
    values.add(d.externalId());
    values.add(d.patientId());
    values.add(d.encounterId());
    values.add(d.type().code());
    values.add(d.type().display());
    values.add(d.title());
    values.add(d.status());
    values.add(d.authorId());
    values.add(timestamp(d.createdTime()));
    return values;
  }

  private static ClinicalDocument map(ResultSet rs, int row) throws SQLException {
    return new ClinicalDocument(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getLong("patient_id"),
        rs.getObject("encounter_id", Long.class),
        new DocumentType(rs.getString("type_code"), rs.getString("type_display")),
        rs.getString("title"),
        rs.getString("status"),
        rs.getObject("author_id", Long.class),
        instant(rs, "created_time"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getBoolean("send_to_cerner"),
        rs.getString("cerner_status"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getInt("version"));
  }
}
