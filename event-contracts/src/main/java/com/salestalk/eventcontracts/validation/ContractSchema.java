package com.salestalk.eventcontracts.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One contract schema in two forms: networknt, the authority for verdicts and messages, and, where
 * the schema's keywords allow, a {@link CompiledSchema} that confirms valid instances without it.
 *
 * @param authority the networknt schema
 * @param compiled the fast form, when the schema could be compiled
 */
record ContractSchema(Schema authority, Optional<CompiledSchema> compiled) {

  /**
   * Every violation of the schema, with pointers under {@code prefix}; none, without asking
   * networknt, when the compiled form accepts the instance.
   */
  List<Violation> violations(JsonNode instance, String prefix) {
    if (compiled.isPresent() && compiled.get().certainlyValid(instance)) {
      return List.of();
    }
    return authorityViolations(instance, prefix);
  }

  /** Every violation networknt finds. */
  List<Violation> authorityViolations(JsonNode instance, String prefix) {
    List<Violation> violations = new ArrayList<>();
    for (Error error : authority.validate(instance)) {
      violations.add(new Violation(prefix + error.getInstanceLocation(), error.getMessage()));
    }
    return violations;
  }
}
