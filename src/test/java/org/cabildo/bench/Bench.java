package org.cabildo.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks, run as {@code ./cabildo bench <name> [options]}; not part of the server.
 * Each benchmark is a class of its own; the shared pieces are {@link ServerProcess} (the
 * server as a separate process, for its memory), {@link LatencyRecorder}, the databases
 * ({@link PostgresBenchDatabase}, {@link H2BenchDatabase}) with the {@link Dataset} they
 * hold, and the {@link Report}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
			usage();
			return;
		}
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		switch (args[0]) {
			case "read" -> new ReadBenchmark(Options.parse(rest, ReadBenchmark.OPTIONS), System.out).run();
			case "ingest" -> new IngestBenchmark(Options.parse(rest, IngestBenchmark.OPTIONS), System.out).run();
			case "governance" -> new GovernanceBenchmark(Options.parse(rest, GovernanceBenchmark.OPTIONS), System.out)
				.run();
			case "import" -> new ImportBenchmark(Options.parse(rest, ImportBenchmark.OPTIONS), System.out).run();
			case "portal" -> new PortalBenchmark(Options.parse(rest, PortalBenchmark.OPTIONS), System.out).run();
			case "indicators" -> new IndicatorsBenchmark(Options.parse(rest, IndicatorsBenchmark.OPTIONS), System.out)
				.run();
			case "participation" -> new ParticipationBenchmark(
					Options.parse(rest, ParticipationBenchmark.OPTIONS), System.out)
				.run();
			default -> {
				usage();
				throw new IllegalArgumentException("unknown benchmark '" + args[0] + "'");
			}
		}
	}

	private static void usage() {
		System.out.println("usage: bench <benchmark> [options]");
		System.out.println();
		System.out.print(ReadBenchmark.USAGE);
		System.out.println();
		System.out.print(IngestBenchmark.USAGE);
		System.out.println();
		System.out.print(GovernanceBenchmark.USAGE);
		System.out.println();
		System.out.print(ImportBenchmark.USAGE);
		System.out.println();
		System.out.print(PortalBenchmark.USAGE);
		System.out.println();
		System.out.print(IndicatorsBenchmark.USAGE);
		System.out.println();
		System.out.print(ParticipationBenchmark.USAGE);
	}

}
