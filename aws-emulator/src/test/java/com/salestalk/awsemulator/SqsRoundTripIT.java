package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@AwsEmulatorTest
class SqsRoundTripIT {

  private static SqsClient sqs;

  private final AwsEndpoint constructorEndpoint;

  SqsRoundTripIT(AwsEndpoint endpoint) {
    this.constructorEndpoint = endpoint;
  }

  @BeforeAll
  static void createClient(AwsEndpoint endpoint) {
    sqs = endpoint.configure(SqsClient.builder()).build();
  }

  @AfterAll
  static void closeClient() {
    sqs.close();
  }

  @Test
  void sendsAndReceivesAMessageThroughTheEmulator() {
    String queueUrl =
        sqs.createQueue(b -> b.queueName("round-trip-" + UUID.randomUUID())).queueUrl();

    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"hello\":\"salestalk\"}"));
    List<Message> messages =
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages();

    assertThat(messages).extracting(Message::body).containsExactly("{\"hello\":\"salestalk\"}");
  }

  @Test
  void injectsOneEndpointEverywhereAndTheStaticAccessorAgrees(AwsEndpoint methodEndpoint) {
    assertThat(constructorEndpoint).isEqualTo(methodEndpoint);
    assertThat(AwsEmulatorExtension.endpoint()).isEqualTo(methodEndpoint);
  }
}
