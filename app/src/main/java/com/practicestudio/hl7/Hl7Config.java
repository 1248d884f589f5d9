package com.practicestudio.hl7;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent view of every interface and rule, as of a change generation. Immutable: the
 * registry swaps in a new one when the generation moves, so a message is handled with one set of
 * rules from start to end.
 */
public final class Hl7Config {

  static final Hl7Config EMPTY = new Hl7Config(-1, List.of(), Map.of(), List.of());

  private final long generation;
  private final List<Hl7Interface> interfaces;
  private final Map<Long, Hl7Interface> byId = new HashMap<>();
  private final Map<String, Hl7Interface> byName = new HashMap<>();
  private final Map<Long, byte[]> sealedPasswords;
  private final Map<Long, List<Hl7Rule>> filters = new HashMap<>();
  private final Map<Long, List<Hl7Rule>> transforms = new HashMap<>();

  Hl7Config(
      long generation,
      List<Hl7Interface> interfaces,
      Map<Long, byte[]> sealedPasswords,
      List<Hl7Rule> rules) {
    this.generation = generation;
    this.interfaces = List.copyOf(interfaces);
    this.sealedPasswords = Map.copyOf(sealedPasswords);
    for (Hl7Interface itf : interfaces) {
      byId.put(itf.id(), itf);
      byName.put(itf.name(), itf);
    }
    for (Hl7Rule rule : rules) {
      (rule.kind() == RuleKind.FILTER ? filters : transforms)
          .computeIfAbsent(rule.interfaceId(), k -> new ArrayList<>())
          .add(rule);
    }
    filters.values().forEach(l -> l.sort(Comparator.comparingInt(Hl7Rule::position)));
    transforms.values().forEach(l -> l.sort(Comparator.comparingInt(Hl7Rule::position)));
  }

  long generation() {
    return generation;
  }

  public List<Hl7Interface> interfaces() {
    return interfaces;
  }

  public Optional<Hl7Interface> byId(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** By name, as inbound journal rows record it in {@code endpoint}. */
  public Optional<Hl7Interface> byName(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
  }

  /** Enabled senders that carry this outbound message type (e.g. {@code SIU}). */
  public List<Hl7Interface> sendersFor(String messageType) {
    return interfaces.stream()
        .filter(i -> i.kind() == InterfaceKind.SENDER && i.enabled())
        .filter(i -> i.sender().carries(messageType))
        .toList();
  }

  List<Hl7Rule> filters(long interfaceId) {
    return filters.getOrDefault(interfaceId, List.of());
  }

  List<Hl7Rule> transforms(long interfaceId) {
    return transforms.getOrDefault(interfaceId, List.of());
  }

  byte[] sealedPassword(long interfaceId) {
    return sealedPasswords.get(interfaceId);
  }
}
