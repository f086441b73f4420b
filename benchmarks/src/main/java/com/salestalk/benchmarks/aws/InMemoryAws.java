package com.salestalk.benchmarks.aws;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** AWS clients that answer success in-process: no network, so only our own cost is measured. */
final class InMemoryAws {

  private InMemoryAws() {}

  /** An EventBridge client object that accepts every entry (no SDK marshalling). */
  static EventBridgeClient acceptingEventBridge() {
    return new EventBridgeClient() {
      @Override
      public PutEventsResponse putEvents(PutEventsRequest request) {
        List<PutEventsResultEntry> entries = new ArrayList<>(request.entries().size());
        for (int i = 0; i < request.entries().size(); i++) {
          entries.add(PutEventsResultEntry.builder().eventId("eb-" + i).build());
        }
        return PutEventsResponse.builder().failedEntryCount(0).entries(entries).build();
      }

      @Override
      public String serviceName() {
        return "events";
      }

      @Override
      public void close() {}
    };
  }

  /**
   * A real SDK EventBridge client (marshalling, SigV4 signing, response parsing) over an HTTP
   * client that answers every PutEvents of {@code entries} entries with success, in memory.
   */
  static EventBridgeClient sdkEventBridge(int entries) {
    StringBuilder body = new StringBuilder("{\"FailedEntryCount\":0,\"Entries\":[");
    for (int i = 0; i < entries; i++) {
      body.append(i == 0 ? "" : ",").append("{\"EventId\":\"eb-").append(i).append("\"}");
    }
    byte[] response = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    return EventBridgeClient.builder()
        .httpClient(new CannedHttpClient(response))
        .endpointOverride(URI.create("http://localhost"))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
  }

  /** A DynamoDB client object whose (conditional) puts always succeed. */
  static DynamoDbClient acceptingDynamoDb() {
    return new DynamoDbClient() {
      @Override
      public PutItemResponse putItem(PutItemRequest request) {
        return PutItemResponse.builder().build();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
  }

  /** Answers every request with 200 and the same JSON body. */
  private static final class CannedHttpClient implements SdkHttpClient {
    private final byte[] body;

    CannedHttpClient(byte[] body) {
      this.body = body;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          return HttpExecuteResponse.builder()
              .response(
                  SdkHttpResponse.builder()
                      .statusCode(200)
                      .putHeader("Content-Type", "application/x-amz-json-1.1")
                      .putHeader("Content-Length", Integer.toString(body.length))
                      .build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
