package com.salestalk.eventcontracts.cli;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.ValidationMode;
import com.salestalk.eventcontracts.validation.Violation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code salestalk events …}: validate event files, print a sample of a type, list the catalog.
 *
 * <p>{@code validate} checks as a producer's publisher does (strict, each type only from its
 * catalog producer); {@code validate --test-harness} also accepts {@code test-harness} as the
 * source of any type ({@link EventValidator#forTests()}). Exit codes of {@code validate}: 0 all
 * valid, 1 any invalid (also not JSON), 2 a file cannot be read or the command is misused.
 */
public final class ContractsCli {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int UNUSABLE = 2;

  /** Option of {@code validate}: accept {@code test-harness} as the source of any type. */
  static final String TEST_HARNESS_OPTION = "--test-harness";

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  ContractsCli(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    int code = new ContractsCli(System.out, System.err, Clock.systemUTC()).run(args);
    System.out.flush();
    System.exit(code);
  }

  int run(String... args) {
    if (args.length < 2 || !args[0].equals("events")) {
      return usage();
    }
    List<String> rest = Arrays.asList(args).subList(2, args.length);
    return switch (args[1]) {
      case "validate" -> validate(rest);
      case "sample" -> rest.size() == 1 ? sample(rest.get(0)) : usage();
      case "list" -> rest.isEmpty() ? list() : usage();
      default -> usage();
    };
  }

  private int validate(List<String> args) {
    boolean testHarness = !args.isEmpty() && args.get(0).equals(TEST_HARNESS_OPTION);
    List<String> files = testHarness ? args.subList(1, args.size()) : args;
    if (files.isEmpty()) {
      return usage();
    }
    EventValidator strict =
        new EventValidator(EventCatalog.standard(), clock, ValidationMode.STRICT);
    EventValidator validator = testHarness ? strict.acceptingTestHarness() : strict;
    boolean invalid = false;
    boolean unreadable = false;
    for (String file : files) {
      Path path = Path.of(file);
      List<Violation> violations;
      try {
        long size = Files.size(path);
        violations =
            size > EnvelopeJson.MAX_EVENT_BYTES
                ? List.of(EventValidator.tooLarge(size))
                : validator.validate(Files.readAllBytes(path)).violations();
      } catch (IOException | SecurityException e) {
        err.println(file + ": cannot read: " + reason(e));
        unreadable = true;
        continue;
      }
      if (violations.isEmpty()) {
        out.println(file + ": valid");
      } else {
        invalid = true;
        violations.forEach(v -> out.println(file + ": " + v));
      }
    }
    return unreadable ? UNUSABLE : invalid ? INVALID : VALID;
  }

  private int sample(String typeName) {
    EventType type;
    try {
      type = EventType.parse(typeName);
    } catch (IllegalArgumentException e) {
      err.println("salestalk events sample: " + e.getMessage());
      return UNUSABLE;
    }
    if (EventCatalog.standard().find(type.toString()).isEmpty()) {
      err.println(
          "salestalk events sample: unknown event type '"
              + type
              + "'; known: "
              + EventCatalog.standard().entries().stream().map(e -> e.type().toString()).toList());
      return UNUSABLE;
    }
    out.println(
        EnvelopeJson.mapper()
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(EventSamples.of(type)));
    return VALID;
  }

  private int list() {
    LocalDate today = LocalDate.now(clock);
    String format = "%-30s %-9s %-16s %-24s %s%n";
    out.printf(format, "TYPE", "REVISION", "PRODUCER", "CONSUMERS", "STATUS");
    for (CatalogEntry entry : EventCatalog.standard().entries()) {
      out.printf(
          format,
          entry.type(),
          entry.revision(),
          entry.producer(),
          String.join(",", entry.consumers()),
          entry.statusOn(today).name().toLowerCase(java.util.Locale.ROOT)
              + (entry.sunsetOn() == null ? "" : " (sunset " + entry.sunsetOn() + ")"));
    }
    return VALID;
  }

  private int usage() {
    err.println(
        "usage: salestalk events validate [--test-harness] FILE... | events sample TYPE"
            + " | events list");
    return UNUSABLE;
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
