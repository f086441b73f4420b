package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {

  @TempDir Path temp;

  @Test
  void usesTheLauncherFileInPlaceWhenItIsOnTheFileSystem() throws Exception {
    URL resource = MotoServer.class.getResource(MotoServer.LAUNCHER_RESOURCE);

    assertThat(MotoServer.launcher(resource)).isEqualTo(Path.of(resource.toURI()));
  }

  @Test
  void extractsTheLauncherToAFileWhenItIsInsideAJar() throws IOException {
    byte[] launcher;
    try (InputStream in = MotoServer.class.getResourceAsStream(MotoServer.LAUNCHER_RESOURCE)) {
      launcher = in.readAllBytes();
    }
    Path jar = temp.resolve("aws-emulator.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("com/salestalk/awsemulator/moto_launcher.py"));
      out.write(launcher);
      out.closeEntry();
    }
    URL resource = new URL("jar:" + jar.toUri() + "!/com/salestalk/awsemulator/moto_launcher.py");

    Path extracted = MotoServer.launcher(resource);

    assertThat(extracted).isRegularFile().hasBinaryContent(launcher);
    assertThat(extracted.getFileName().toString()).startsWith("salestalk-moto-launcher-");
    assertThat(MotoServer.launcher(resource)).isEqualTo(extracted);
  }

  @Test
  void pythonComesFromSalestalkPythonPropertyThenVariableThenPython3() {
    assertThat(MotoServer.python(Environment.of(Map.of(), Map.of()))).isEqualTo("python3");
    assertThat(
            MotoServer.python(
                Environment.of(Map.of(), Map.of("SALESTALK_PYTHON", "/opt/py/bin/python"))))
        .isEqualTo("/opt/py/bin/python");
    assertThat(
            MotoServer.python(
                Environment.of(
                    Map.of("SALESTALK_PYTHON", "python3.12"),
                    Map.of("SALESTALK_PYTHON", "/opt/py/bin/python"))))
        .isEqualTo("python3.12");
  }
}
