package com.practicestudio.journal;

/**
 * A unit of exchange Practice Studio sends, recorded in the same transaction as the change that
 * causes it and delivered later by a worker.
 *
 * @param messageType e.g. {@code SIU^S12}, {@code Appointment.book}, {@code 837P}
 * @param sender who sends it (this server's application name, or the Cerner domain it acts for)
 * @param messageId our control id, if any; a repeated non-null id on the same channel and sender is
 *     rejected by the journal's uniqueness rule
 * @param correlationKey rows with the same key are delivered in order; null for none
 * @param endpoint the endpoint or interface it goes to
 */
public record OutboundMessage(
    Channel channel,
    String messageType,
    String sender,
    String messageId,
    String correlationKey,
    String endpoint,
    Long parentId,
    Payload payload)
    implements JournalMessage {

  public OutboundMessage {
    InboundMessage.require(channel, "channel");
    InboundMessage.requireText(messageType, "messageType");
    InboundMessage.requireText(sender, "sender");
    InboundMessage.require(payload, "payload");
  }

  public static OutboundMessage of(
      Channel channel, String messageType, String sender, Payload payload) {
    return new OutboundMessage(channel, messageType, sender, null, null, null, null, payload);
  }

  public OutboundMessage withMessageId(String id) {
    return new OutboundMessage(
        channel, messageType, sender, id, correlationKey, endpoint, parentId, payload);
  }

  public OutboundMessage withCorrelationKey(String key) {
    return new OutboundMessage(
        channel, messageType, sender, messageId, key, endpoint, parentId, payload);
  }

  public OutboundMessage withEndpoint(String name) {
    return new OutboundMessage(
        channel, messageType, sender, messageId, correlationKey, name, parentId, payload);
  }

  public OutboundMessage withParent(long parent) {
    return new OutboundMessage(
        channel, messageType, sender, messageId, correlationKey, endpoint, parent, payload);
  }
}
