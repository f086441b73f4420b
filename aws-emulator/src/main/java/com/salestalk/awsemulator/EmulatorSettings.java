package com.salestalk.awsemulator;

/**
 * What decides which emulator a test run gets; also the key under which it is shared.
 *
 * @param external the endpoint from {@code AWS_ENDPOINT_URL}, or null to start moto
 * @param python the Python command for moto
 * @param region the region clients use
 */
record EmulatorSettings(AwsEndpoint external, String python, String region) {

  static EmulatorSettings from(Environment environment) {
    return new EmulatorSettings(
        AwsEndpoint.fromEnvironment(environment).orElse(null),
        MotoServer.python(environment),
        AwsEndpoint.region(environment));
  }
}
