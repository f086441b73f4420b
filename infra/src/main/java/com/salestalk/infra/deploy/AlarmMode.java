package com.salestalk.infra.deploy;

/** Who creates the template's {@code AWS::CloudWatch::Alarm}s: CloudFormation, or the deployer. */
public enum AlarmMode {
  /** CloudFormation creates them, as on AWS; the deployer never calls PutMetricAlarm. */
  CLOUDFORMATION,
  /**
   * The emulator (moto) reports alarm resources as created without creating them, so after each
   * deploy the deployer creates the missing ones with PutMetricAlarm. Only for a CloudWatch client
   * with an endpoint override: never against AWS.
   */
  RECREATE_ON_EMULATOR
}
