package com.salestalk.infra.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

  private static final CfnTemplate TEMPLATE =
      CfnTemplate.parse(
          """
          Parameters:
            EnvironmentName:
              Type: String
              Default: local
            Topic:
              Type: String
              Default: ''
          Conditions:
            HasTopic:
              Fn::Not:
                - Fn::Equals:
                    - Ref: Topic
                    - ''
            NoTopic:
              Fn::Not:
                - Condition: HasTopic
          Resources:
            Queue:
              Type: AWS::SQS::Queue
              Properties:
                QueueName:
                  Fn::Sub: ${EnvironmentName}-queue-${AWS::Region}-${!Literal}
                Tags:
                  - Fn::If:
                      - HasTopic
                      - Key: topic
                      - Ref: AWS::NoValue
                  - Key:
                      Fn::Join:
                        - '-'
                        - - Ref: EnvironmentName
                          - Ref: AWS::AccountId
                Arn:
                  Fn::GetAtt: [Other, Arn]
                Pair:
                  Fn::Sub:
                    - ${A}/${EnvironmentName}
                    - A:
                        Ref: Queue
          """);

  @Test
  void substitutesParametersPseudoParametersAndEscapedLiterals() {
    Intrinsics intrinsics = Intrinsics.offline(TEMPLATE);
    assertThat(intrinsics.resolveString(TEMPLATE.resource("Queue").properties().get("QueueName")))
        .isEqualTo("local-queue-us-east-1-${Literal}");
  }

  @Test
  void givenParametersOverrideDefaults() {
    Intrinsics intrinsics =
        Intrinsics.of(
            TEMPLATE, Map.of("EnvironmentName", "prod"), "eu-west-1", "111", "s", Map.of());
    assertThat(intrinsics.resolveString(TEMPLATE.resource("Queue").properties().get("QueueName")))
        .isEqualTo("prod-queue-eu-west-1-${Literal}");
  }

  @Test
  void dropsNoValueAndEvaluatesConditions() {
    Intrinsics none = Intrinsics.offline(TEMPLATE);
    assertThat(none.resolve(TEMPLATE.resource("Queue").properties().get("Tags")).toString())
        .isEqualTo("[{\"Key\":\"local-123456789012\"}]");
    assertThat(none.condition("NoTopic")).isTrue();
    Intrinsics some =
        Intrinsics.of(TEMPLATE, Map.of("Topic", "arn:t"), "us-east-1", "1", "s", Map.of());
    assertThat(some.resolve(TEMPLATE.resource("Queue").properties().get("Tags")).toString())
        .isEqualTo("[{\"Key\":\"topic\"},{\"Key\":\"local-1\"}]");
    assertThat(some.condition("NoTopic")).isFalse();
  }

  @Test
  void resolvesRefOfAResourceOnlyWhenItsPhysicalIdIsKnown() {
    var pair = TEMPLATE.resource("Queue").properties().get("Pair");
    assertThatThrownBy(() -> Intrinsics.offline(TEMPLATE).resolve(pair))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot resolve Ref Queue");
    Intrinsics deployed =
        Intrinsics.of(TEMPLATE, Map.of(), "us-east-1", "1", "s", Map.of("Queue", "https://q"));
    assertThat(deployed.resolveString(pair)).isEqualTo("https://q/local");
  }

  @Test
  void refusesFunctionsItCannotResolveInsteadOfGuessing() {
    assertThatThrownBy(
            () ->
                Intrinsics.offline(TEMPLATE)
                    .resolve(TEMPLATE.resource("Queue").properties().get("Arn")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported intrinsic function Fn::GetAtt: [\"Other\",\"Arn\"]");
  }

  @Test
  void rejectsDuplicateKeysLikeCloudFormationDoes() {
    assertThatThrownBy(
            () -> CfnTemplate.parse("Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n"))
        .hasMessageContaining("Duplicate");
  }
}
