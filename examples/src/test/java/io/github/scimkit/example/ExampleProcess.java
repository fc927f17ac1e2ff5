package io.github.scimkit.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The example server as a user runs it: {@link Main} in a JVM of its own, whose standard output is
 * read line by line as a script would. Its log goes to a file under {@code target/}.
 */
final class ExampleProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Map<String, String> printed = new LinkedHashMap<>();
  private final Path log;
  private final Thread reader;

  private ExampleProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "example-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code Main} with the given flags, on the test's class path, and waits for {@code ADMIN_URL=}.
   *
   * @param name a name for the log file
   * @param args the flags
   * @return the running process
   */
  static ExampleProcess start(String name, String... args) throws Exception {
    return start(name, List.of(), args);
  }

  /**
   * Starts {@code Main} like {@link #start(String, String...)}, with JVM options such as {@code -Dname=value}.
   *
   * @param name a name for the log file
   * @param jvmOptions options placed before the main class
   * @param args the flags
   * @return the running process
   */
  static ExampleProcess start(String name, List<String> jvmOptions, String... args) throws Exception {
    List<String> javaArgs = new ArrayList<>(jvmOptions);
    javaArgs.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    return launch(name, javaArgs, args);
  }

  /**
   * Starts the packaged jar with {@code java -jar}, as the README does, and waits for {@code ADMIN_URL=}.
   *
   * @param jar the jar, with its {@code lib/} beside it
   * @param name a name for the log file
   * @param args the flags
   * @return the running process
   */
  static ExampleProcess startJar(Path jar, String name, String... args) throws Exception {
    return launch(name, List.of("-jar", jar.toString()), args);
  }

  private static ExampleProcess launch(String name, List<String> javaArgs, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The test JVM's own options (scimkit.test.jvmArgs in the parent POM), so a server costs no more.
    String testJvmArgs = System.getProperty("scimkit.test.jvmArgs", "").strip();
    if (!testJvmArgs.isEmpty()) {
      command.addAll(List.of(testJvmArgs.split("\\s+")));
    }
    command.addAll(javaArgs);
    command.addAll(List.of(args));
    Path log = Files.createDirectories(Path.of("target", "example-logs")).resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("SCIMKIT_"));
    ExampleProcess started = new ExampleProcess(builder.start(), log);
    started.awaitLine("ADMIN_URL");
    return started;
  }

  /**
   * Waits for a line {@code NAME=value} and returns the value.
   *
   * @param name the name before {@code =}
   * @return the value
   */
  String awaitLine(String name) throws Exception {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!printed.containsKey(name)) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError("No " + name + "= line within " + START_TIMEOUT + "; printed " + printed
            + (process.isAlive() ? "" : ", exit " + process.exitValue()) + "; log " + log.toAbsolutePath() + ":\n"
            + tail());
      }
      int equals = line.indexOf('=');
      if (equals > 0 && line.substring(0, equals).matches("[A-Z_]+")) {
        printed.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return printed.get(name);
  }

  /**
   * Returns the {@code NAME=value} lines read so far.
   *
   * @return the lines, by name
   */
  Map<String, String> printed() {
    return Map.copyOf(printed);
  }

  /**
   * Stops the server and returns every line it printed after the ones already read, through to its
   * exit: the reader has seen the end of its output, so no line can still be on its way.
   */
  List<String> linesUntilExit() throws InterruptedException {
    close();
    reader.join(TimeUnit.SECONDS.toMillis(60));
    if (reader.isAlive()) {
      throw new AssertionError("The server's output did not end within 60 s of its exit");
    }
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
    return rest;
  }

  /**
   * Returns what the server wrote to standard error (its log) so far.
   *
   * @return the lines
   */
  List<String> log() throws IOException {
    return Files.readAllLines(log);
  }

  private String tail() {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /**
   * Kills the server without warning (SIGKILL on Linux) and waits for it to die.
   *
   * @return the exit status: 137 (128 + SIGKILL)
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("The killed server did not exit");
    }
    return process.exitValue();
  }

  /**
   * Asks the server to stop (SIGTERM on Linux) and waits up to a minute for it to exit.
   *
   * @return the exit status: 143 (128 + SIGTERM) after an orderly shutdown
   */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("The server did not stop within a minute of SIGTERM; log " + log.toAbsolutePath());
    }
    return process.exitValue();
  }

  /**
   * Waits up to a minute for the server to exit on its own.
   *
   * @return the exit status
   */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("The server did not exit within a minute; log " + log.toAbsolutePath());
    }
    return process.exitValue();
  }

  /** Stops the server as Ctrl-C would, and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
