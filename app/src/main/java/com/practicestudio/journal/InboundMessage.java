package com.practicestudio.journal;

/**
 * A unit of exchange received from outside, to be recorded before it is acknowledged. The same
 * {@code sender} + {@code messageId} on the same channel is recorded once: a repeat answers the
 * existing row as a duplicate.
 *
 * @param messageType e.g. {@code ADT^A04}, {@code PATIENT_CSV}, {@code 835}
 * @param sender the sending system (HL7 MSH-3/MSH-4, an SFTP endpoint, a FHIR server)
 * @param messageId the sender's control id (MSH-10, a file name and hash, a record's line)
 * @param correlationKey rows with the same key are applied in arrival order (e.g. {@code
 *     MRN:12345}); null for none. Namespace it when keys of different kinds could collide.
 * @param endpoint the listener or folder it came in on
 * @param parentId for a file's records: the file's row
 * @param contentKey a digest of what the message says, for channels whose senders may reuse a
 *     control id for a different message; null when the id alone names the message
 * @param followUp what the row owes once it has an outcome, in the channel's own words (see {@link
 *     FollowUps}); null for nothing — the ordinary case. It is written by the row's own insert, so
 *     it commits with the message or not at all. A duplicate's is dropped with it.
 */
public record InboundMessage(
    Channel channel,
    String messageType,
    String sender,
    String messageId,
    String correlationKey,
    String endpoint,
    Long parentId,
    Payload payload,
    String contentKey,
    String followUp)
    implements JournalMessage {

  /** The separator between a reused control id and the content key that makes it unique. */
  static final char REUSED_ID_SEPARATOR = '~';

  public InboundMessage {
    require(channel, "channel");
    requireText(messageType, "messageType");
    requireText(sender, "sender");
    requireText(messageId, "messageId");
    require(payload, "payload");
  }

  public InboundMessage(
      Channel channel,
      String messageType,
      String sender,
      String messageId,
      String correlationKey,
      String endpoint,
      Long parentId,
      Payload payload) {
    this(
        channel,
        messageType,
        sender,
        messageId,
        correlationKey,
        endpoint,
        parentId,
        payload,
        null,
        null);
  }

  public static InboundMessage of(
      Channel channel, String messageType, String sender, String messageId, Payload payload) {
    return new InboundMessage(channel, messageType, sender, messageId, null, null, null, payload);
  }

  public InboundMessage withContentKey(String key) {
    return new InboundMessage(
        channel,
        messageType,
        sender,
        messageId,
        correlationKey,
        endpoint,
        parentId,
        payload,
        key,
        followUp);
  }

  /** The same message owing {@code marker} once it has an outcome (see {@link FollowUps}). */
  public InboundMessage withFollowUp(String marker) {
    return new InboundMessage(
        channel,
        messageType,
        sender,
        messageId,
        correlationKey,
        endpoint,
        parentId,
        payload,
        contentKey,
        marker);
  }

  /**
   * Whether this message is not the one recorded under its control id, whose content key was {@code
   * recordedKey}: both keys known and different. A message recorded again under an id of its own
   * ({@link #underOwnId}) never is.
   */
  boolean reusesIdOf(String recordedKey) {
    return contentKey != null
        && recordedKey != null
        && !contentKey.equals(recordedKey)
        && !messageId.endsWith(REUSED_ID_SEPARATOR + contentKey);
  }

  /** The same message under its control id and its content key: an id no other message has. */
  InboundMessage underOwnId() {
    return new InboundMessage(
        channel,
        messageType,
        sender,
        messageId + REUSED_ID_SEPARATOR + contentKey,
        correlationKey,
        endpoint,
        parentId,
        payload,
        contentKey,
        followUp);
  }

  public InboundMessage withCorrelationKey(String key) {
    return new InboundMessage(
        channel,
        messageType,
        sender,
        messageId,
        key,
        endpoint,
        parentId,
        payload,
        contentKey,
        followUp);
  }

  public InboundMessage withEndpoint(String name) {
    return new InboundMessage(
        channel,
        messageType,
        sender,
        messageId,
        correlationKey,
        name,
        parentId,
        payload,
        contentKey,
        followUp);
  }

  public InboundMessage withParent(long parent) {
    return new InboundMessage(
        channel,
        messageType,
        sender,
        messageId,
        correlationKey,
        endpoint,
        parent,
        payload,
        contentKey,
        followUp);
  }

  static void require(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
