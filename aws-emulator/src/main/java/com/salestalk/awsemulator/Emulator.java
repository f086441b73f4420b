package com.salestalk.awsemulator;

/** An endpoint plus, when the harness started it, the moto server behind it. */
final class Emulator implements AutoCloseable {

  private final AwsEndpoint endpoint;
  private final MotoServer moto;

  private Emulator(AwsEndpoint endpoint, MotoServer moto) {
    this.endpoint = endpoint;
    this.moto = moto;
  }

  /** Uses the external endpoint when one is configured, otherwise starts moto. */
  static Emulator start(EmulatorSettings settings) {
    if (settings.external() != null) {
      return new Emulator(settings.external(), null);
    }
    MotoServer moto = MotoServer.builder().python(settings.python()).start();
    return new Emulator(AwsEndpoint.forEmulator(moto.endpoint(), settings.region()), moto);
  }

  AwsEndpoint endpoint() {
    return endpoint;
  }

  /** Deletes all state of a moto the harness started; an external endpoint is left alone. */
  void reset() {
    if (moto != null) {
      moto.reset();
    }
  }

  @Override
  public void close() {
    if (moto != null) {
      moto.close();
    }
  }
}
