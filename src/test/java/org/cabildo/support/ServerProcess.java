package org.cabildo.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under test, as its own operating-system process ({@code java -jar
 * target/cabildo.jar}, or the test class path) so that its resident memory can be read from
 * {@code /proc} and it can be killed as a power cut would.
 */
public final class ServerProcess implements AutoCloseable {

	/** Used when the project has no {@code .jvm-options} file. */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k");

	private final Process process;

	private final URI baseUri;

	private final Path log;

	private final List<String> command;

	private ServerProcess(Process process, URI baseUri, Path log, List<String> command) {
		this.process = process;
		this.baseUri = baseUri;
		this.log = log;
		this.command = command;
	}

	/** The JVM options of the server: the lines of {@code .jvm-options} (# starts a comment), else the defaults. */
	public static JvmOptions jvmOptions(Path projectDir) throws IOException {
		Path file = projectDir.resolve(".jvm-options");
		if (!Files.exists(file)) {
			return new JvmOptions(DEFAULT_JVM_OPTIONS, "built-in default (no .jvm-options file)");
		}
		List<String> options = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			int hash = line.indexOf('#');
			String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
			if (!content.isEmpty()) {
				options.addAll(Arrays.asList(content.split("\\s+")));
			}
		}
		return new JvmOptions(options, file.getFileName().toString());
	}

	public record JvmOptions(List<String> options, String source) {
	}

	/**
	 * Starts the server and waits until {@code /actuator/health} says UP.
	 *
	 * @param environment settings for the server, as environment variables (SPRING_DATASOURCE_URL, ...)
	 */
	public static ServerProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log,
			Duration timeout) throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -q package -DskipTests)");
		}
		return start(List.of("-jar", jar.toString()), jvmOptions, environment, freePort(), log, timeout);
	}

	/** Starts the server from the class path of this JVM (the tests'), on a given port. */
	public static ServerProcess startFromClassPath(List<String> jvmOptions, Map<String, String> environment, int port,
			Path log, Duration timeout) throws IOException, InterruptedException {
		return start(List.of("-cp", System.getProperty("java.class.path"), "org.cabildo.CabildoApplication"),
				jvmOptions, environment, port, log, timeout);
	}

	private static ServerProcess start(List<String> launch, List<String> jvmOptions, Map<String, String> environment,
			int port, Path log, Duration timeout) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(launch);
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		// Only what the benchmark sets may configure the server or its JVM.
		env.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("CABILDO_")
				|| name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_") || name.startsWith("LOGGING_")
				|| name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
		Map<String, String> settings = new LinkedHashMap<>(environment);
		settings.put("SERVER_PORT", Integer.toString(port));
		// Another broker may hold the MQTT default port (1883) on this machine.
		if (!settings.containsKey("CABILDO_MQTT_PORT")) {
			settings.put("CABILDO_MQTT_PORT", Integer.toString(freePort()));
		}
		env.putAll(settings);
		Files.createDirectories(log.getParent());
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Process process = builder.start();
		ServerProcess server = new ServerProcess(process, URI.create("http://127.0.0.1:" + port), log, command);
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		try {
			server.awaitHealthy(timeout);
		}
		catch (RuntimeException | InterruptedException e) {
			server.close();
			throw e;
		}
		return server;
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server exited with status " + process.exitValue()
						+ " while starting; see " + log);
			}
			try {
				HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the server did not become healthy within " + timeout + "; see " + log);
	}

	/** Why the server is gone, or null if it is running. */
	public String death() {
		return process.isAlive() ? null : "the server (pid " + process.pid() + ") exited with status "
				+ process.exitValue() + " during the benchmark (stopped by something else?); see " + log;
	}

	public URI baseUri() {
		return baseUri;
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	public List<String> command() {
		return command;
	}

	/** Resident memory from /proc/<pid>/status: the peak (VmHWM) and the current (VmRSS), in bytes. */
	public Memory memory() throws IOException {
		long peak = -1;
		long current = -1;
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
			if (line.startsWith("VmHWM:")) {
				peak = kilobytes(line) * 1024;
			}
			else if (line.startsWith("VmRSS:")) {
				current = kilobytes(line) * 1024;
			}
		}
		if (peak < 0 || current < 0) {
			throw new IllegalStateException("no VmHWM/VmRSS in /proc/" + pid() + "/status");
		}
		return new Memory(peak, current);
	}

	public record Memory(long peakRssBytes, long rssBytes) {
	}

	private static long kilobytes(String line) {
		String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
		return Long.parseLong(parts[0]);
	}

	/** Stops the server as an operator would (SIGTERM), forcibly if it takes too long. */
	@Override
	public void close() throws InterruptedException {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Kills the process without warning (SIGKILL), as a power cut or the OOM killer would. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
