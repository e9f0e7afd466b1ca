package io.greetbench.bench.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How many trials per runtime the bootstrap needs to separate a 10% difference, by simulation: for
 * each n, many pairs of runtimes with log-normal trials (true ratio 1.10, and 1.00 for false
 * positives), each judged with the default bootstrap and rule. Not a test (2,000 pairs per row take several minutes):
 * run it by hand, e.g.
 * <pre>java -cp bench/target/classes:bench/target/test-classes io.greetbench.bench.stats.TrialCountSimulation [pairs [n,n,...]]</pre>
 */
public final class TrialCountSimulation {
    private static final String TRIALS = "3,5,7,10,15,20,30,50";
    private static final double[] NOISE = {0.20, 0.10};

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int[] trials = Arrays.stream((args.length > 1 ? args[1] : TRIALS).split(",")).mapToInt(Integer::parseInt).toArray();
        Bootstrap bootstrap = new Bootstrap();
        FindingRule rule = new FindingRule();
        System.out.printf(Locale.ROOT, "%d simulated pairs per row, bootstrap %d resamples, threshold %.0f%%%n",
                pairs, bootstrap.resamples(), rule.threshold() * 100);
        System.out.println("noise(cv)  n  | true ratio 1.10: significant  CI excludes 1  CI covers 1.10"
                + " | true ratio 1.00: significant (false positive)");
        for (double cv : NOISE) {
            for (int n : trials) {
                Tally different = run(pairs, n, cv, 1.10, bootstrap, rule, 1);
                Tally same = run(pairs, n, cv, 1.00, bootstrap, rule, 2);
                System.out.printf(Locale.ROOT, "%8.0f%% %3d |  %26.1f%% %13.1f%% %14.1f%% | %28.1f%%%n",
                        cv * 100, n, different.significant(pairs), different.excludesOne(pairs), different.covers(pairs),
                        same.significant(pairs));
            }
        }
    }

    private static Tally run(int pairs, int n, double cv, double trueRatio, Bootstrap bootstrap, FindingRule rule,
            long stream) {
        return IntStream.range(0, pairs).parallel().mapToObj(i -> {
            SplittableRandom random = new SplittableRandom(stream * 1_000_003L + n * 10_007L + i);
            double[] a = Samples.logNormal(random, n, 100 * trueRatio, cv);
            double[] b = Samples.logNormal(random, n, 100, cv);
            Interval ratio = bootstrap.ratioOfMedians(a, b);
            boolean significant = rule.judge(ratio) == Verdict.SIGNIFICANT;
            return new Tally(significant ? 1 : 0, ratio.excludes(1) ? 1 : 0, ratio.excludes(trueRatio) ? 0 : 1);
        }).reduce(new Tally(0, 0, 0), Tally::plus);
    }

    private record Tally(int significant, int excludesOne, int covers) {
        Tally plus(Tally o) {
            return new Tally(significant + o.significant, excludesOne + o.excludesOne, covers + o.covers);
        }

        double significant(int pairs) {
            return 100.0 * significant / pairs;
        }

        double excludesOne(int pairs) {
            return 100.0 * excludesOne / pairs;
        }

        double covers(int pairs) {
            return 100.0 * covers / pairs;
        }
    }
}
