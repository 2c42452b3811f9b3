package org.cabildo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How much of the machine's CPU went to other work while a benchmark ran: the busy time of
 * all CPUs (/proc/stat) less that of the benchmark itself, the server and PostgreSQL. Other
 * work on a small machine skews every latency, so the report says how much there was.
 */
final class CpuAccounting {

	private final long serverPid;

	/** Which postgres processes (by their /proc directory) work for the benchmark. */
	private final Predicate<Path> ourPostgres;

	private final long startBusy;

	private final long startOurs;

	private final long startNanos;

	private final long startServer;

	private final long startSelf;

	private final long startInterrupts;

	private CpuAccounting(long serverPid, Predicate<Path> ourPostgres) {
		this.serverPid = serverPid;
		this.ourPostgres = ourPostgres;
		this.startBusy = busyTicks();
		this.startOurs = ourTicks(serverPid, ourPostgres);
		this.startServer = ticks(serverPid);
		this.startSelf = ticks(ProcessHandle.current().pid());
		this.startInterrupts = interruptTicks();
		this.startNanos = System.nanoTime();
	}

	/** Counts every postgres process as the benchmark's. */
	static CpuAccounting start(long serverPid) {
		return new CpuAccounting(serverPid, process -> true);
	}

	/**
	 * Counts as the benchmark's only PostgreSQL's shared processes (writers, checkpointer) and
	 * the connections to {@code database}; with none (the server on H2), no postgres process.
	 * Connections to other databases are other work.
	 */
	static CpuAccounting start(long serverPid, Optional<String> database) {
		return new CpuAccounting(serverPid, database.<Predicate<Path>>map(name -> process -> servesOrShared(process, name))
			.orElse(process -> false));
	}

	/**
	 * The share of all CPUs (0 to 1) that processes other than the benchmark, the server and
	 * PostgreSQL used since the start; -1 if it cannot be told (not Linux).
	 */
	double othersShare() {
		long busy = busyTicks() - startBusy;
		long ours = ourTicks(serverPid, ourPostgres) - startOurs;
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		if (startBusy < 0 || seconds <= 0) {
			return -1;
		}
		double capacity = seconds * TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors();
		return Math.max(0, (busy - ours) / capacity);
	}

	/**
	 * Where the CPU went since the start, as shares of all CPUs (0 to 1): the server, this JVM
	 * (the benchmark and its load generators), PostgreSQL, interrupts (on a benchmark over
	 * loopback, mostly its own network traffic) and everything else; null if it cannot be told
	 * (not Linux).
	 */
	Split split() {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		if (startBusy < 0 || seconds <= 0) {
			return null;
		}
		double capacity = seconds * TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors();
		long server = ticks(serverPid) - startServer;
		long self = ticks(ProcessHandle.current().pid()) - startSelf;
		long ours = ourTicks(serverPid, ourPostgres) - startOurs;
		long busy = busyTicks() - startBusy;
		long interrupts = interruptTicks() - startInterrupts;
		return new Split(server / capacity, self / capacity, Math.max(0, ours - server - self) / capacity,
				interrupts / capacity, Math.max(0, busy - ours - interrupts) / capacity);
	}

	/** Shares of all CPUs, 0 to 1; {@code others} are other processes (and time the hypervisor took). */
	record Split(double server, double benchmark, double postgres, double interrupts, double others) {

		@Override
		public String toString() {
			return String.format("server %.0f%%, load generators %.0f%%, PostgreSQL %.0f%%, interrupts %.0f%%, "
					+ "other processes %.0f%%", 100 * server, 100 * benchmark, 100 * postgres, 100 * interrupts,
					100 * others);
		}

	}

	/** USER_HZ: 100 on every Linux that matters. */
	private static final double TICKS_PER_SECOND = 100;

	private static long busyTicks() {
		try {
			String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] f = cpu.trim().split("\\s+");
			// user nice system idle iowait irq softirq steal
			return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]) + Long.parseLong(f[8]);
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/** Time all CPUs spent in hard and soft interrupts. */
	private static long interruptTicks() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			return Long.parseLong(f[6]) + Long.parseLong(f[7]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	private static long ourTicks(long serverPid, Predicate<Path> ourPostgres) {
		long ticks = ticks(ProcessHandle.current().pid()) + ticks(serverPid);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.toList()) {
				String name = process.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit) && isPostgres(process) && ourPostgres.test(process)) {
					ticks += ticks(Long.parseLong(name));
				}
			}
		}
		catch (IOException | RuntimeException e) {
			return ticks;
		}
		return ticks;
	}

	private static boolean isPostgres(Path process) {
		try {
			return Files.readString(process.resolve("comm")).trim().startsWith("postgres");
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Whether a postgres process is shared by all databases or a connection to this one: a
	 * connection's title is {@code postgres: [cluster: ]user database host(port) activity}.
	 */
	private static boolean servesOrShared(Path process, String database) {
		try {
			String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim();
			if (!title.startsWith("postgres: ")) {
				return true;
			}
			String[] words = title.substring("postgres: ".length()).split("\\s+");
			int first = words.length > 0 && words[0].endsWith(":") ? 1 : 0;
			boolean connection = words.length > first + 2
					&& (words[first + 2].matches(".*\\(\\d+\\)") || words[first + 2].equals("[local]"));
			return !connection || words[first + 1].equals(database);
		}
		catch (IOException e) {
			return false;
		}
	}

	/** utime + stime of a process, in ticks. */
	private static long ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

}
