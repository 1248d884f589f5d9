package com.practicestudio.journal;

/** What a message brings to its journal row, in either direction. */
sealed interface JournalMessage permits InboundMessage, OutboundMessage {

  Channel channel();

  String messageType();

  String sender();

  String messageId();

  String correlationKey();

  String endpoint();

  Long parentId();

  Payload payload();

  /** See {@link InboundMessage#contentKey()}; outbound rows have none. */
  default String contentKey() {
    return null;
  }

  /** See {@link InboundMessage#followUp()}; outbound rows owe none. */
  default String followUp() {
    return null;
  }
}
