package dev.causal4j.analyst.profile;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.profile.Finding.Topic;
import dev.causal4j.analyst.profile.Profile.Autocorrelation;
import dev.causal4j.analyst.profile.Profile.ColumnProfile;
import dev.causal4j.analyst.profile.Profile.DomainTest;
import dev.causal4j.analyst.profile.Profile.Heterogeneity;
import dev.causal4j.analyst.profile.Profile.Histogram;
import dev.causal4j.analyst.profile.Profile.MissingPattern;
import dev.causal4j.analyst.profile.Profile.Missingness;
import dev.causal4j.analyst.profile.Profile.NearDuplicate;
import dev.causal4j.analyst.profile.Profile.PairCheck;
import dev.causal4j.analyst.profile.Profile.ResidualCheck;
import dev.causal4j.analyst.profile.Profile.Signals;
import dev.causal4j.analyst.profile.Profile.TimeLook;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DomainColumn;
import dev.causal4j.data.TimeColumn;
import dev.causal4j.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Measures a dataset for the planner: {@link #profile(Dataset)} returns a {@link Profile}.
 *
 * <p>The regression-based checks (residual Gaussianity, Breusch–Pagan, pairwise nonlinearity) run
 * on at most {@link Builder#maxRows} rows drawn without replacement by the seed, complete in the
 * continuous variables; each continuous variable is regressed on the other continuous variables
 * (at most {@link #MAX_REGRESSORS}: the most correlated, when there are more). Categorical
 * variables enter the type, missingness, duplicate and domain checks only. Nonlinearity is tested
 * in both directions of at most {@link Builder#maxPairs} seeded unordered pairs: a straight line
 * against a cubic regression spline with knots at the quartiles of x, by the F-test of the five
 * extra terms; a direction counts as nonlinear when its Benjamini–Hochberg q-value is below the
 * FDR level <em>and</em> the spline removes at least {@link #MIN_GAIN} of the line's residual sum
 * of squares, since with thousands of rows a negligible curvature is significant. The same seed
 * gives the same profile.
 */
public final class Profiler {
  /** Least share of residual variance a spline must remove for a pair to count as nonlinear. */
  public static final double MIN_GAIN = 0.02;
  /** Most regressors in a residual check. */
  public static final int MAX_REGRESSORS = 20;
  /** Share of present rows one value must take for a variable to be near-constant. */
  public static final double NEAR_CONSTANT = 0.99;
  /** |r| at or above which two continuous variables are near duplicates. */
  public static final double NEAR_DUPLICATE = 0.99;
  /** |lag-1 autocorrelation| that, significant in half the variables, suggests a time series. */
  public static final double AUTOCORRELATION = 0.3;

  private static final int BINS = 20;
  private static final int MIN_REGRESSION_ROWS = 30;

  private final long seed;
  private final double fdr;
  private final int maxRows;
  private final int maxPairs;

  private Profiler(Builder b) {
    this.seed = b.seed;
    this.fdr = b.fdr;
    this.maxRows = b.maxRows;
    this.maxPairs = b.maxPairs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Profiles {@code data}. */
  public Profile profile(Dataset data) {
    int n = data.rows();
    int p = data.columns();
    List<Finding> findings = new ArrayList<>();
    String source = data.source().orElse("data");

    findings.add(new Finding(Topic.SIZE, "data", "n/p", p == 0 ? 0 : (double) n / p, Double.NaN,
        String.format(Locale.ROOT, "%d rows and %d variables: %.1f rows per variable.", n, p,
            p == 0 ? 0.0 : (double) n / p)));

    int continuous = 0;
    int discrete = 0;
    int ordinal = 0;
    for (Variable v : data.variables()) {
      switch (v.type()) {
        case CONTINUOUS -> continuous++;
        case DISCRETE -> discrete++;
        case ORDINAL -> ordinal++;
        default -> throw new IllegalStateException(v.type().toString());
      }
    }
    DataKind kind = continuous == p ? DataKind.CONTINUOUS
        : continuous == 0 ? DataKind.DISCRETE : DataKind.MIXED;
    findings.add(new Finding(Topic.TYPES, "data", "continuous variables", continuous, Double.NaN,
        switch (kind) {
          case CONTINUOUS -> "All " + p + " variables are continuous.";
          case DISCRETE -> "All " + p + " variables are categorical (" + discrete + " discrete, "
              + ordinal + " ordinal).";
          case MIXED -> "Mixed types: " + continuous + " continuous and " + (discrete + ordinal)
              + " categorical variables.";
        }));

    List<ColumnProfile> columns = new ArrayList<>(p);
    List<String> nearConstant = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      ColumnProfile c = column(data, j);
      columns.add(c);
      if (c.topShare() >= NEAR_CONSTANT) {
        nearConstant.add(c.name());
        findings.add(new Finding(Topic.NEAR_CONSTANT, c.name(), "top share", c.topShare(),
            Double.NaN, String.format(Locale.ROOT, "'%s' takes one value in %.1f%% of its rows:"
                + " it carries almost no information and can break tests.", c.name(),
                100 * c.topShare())));
      }
    }
    Missingness missingness = missingness(data, findings);
    marginalFinding(columns, findings);

    int[] sample = sampleRows(data);
    int[] cont = continuousColumns(data);
    double[][] x = standardisedColumns(data, cont, sample);
    int used = x.length == 0 ? 0 : x[0].length;
    double[][] corr = correlations(x);
    List<NearDuplicate> duplicates = nearDuplicates(data, cont, corr, findings);

    List<ResidualCheck> residuals = residualChecks(data, cont, x, corr, findings);
    int contPairs = cont.length * (cont.length - 1) / 2;
    List<PairCheck> pairs = pairChecks(data, cont, x, findings);
    Heterogeneity heterogeneity = heterogeneity(data, findings);
    TimeLook time = timeLook(data, cont, findings);

    double nonGaussian = residuals.isEmpty() ? Double.NaN
        : residuals.stream().filter(r -> r.gaussianityQ() < fdr).count()
            / (double) residuals.size();
    double heteroscedastic = residuals.isEmpty() ? Double.NaN
        : residuals.stream().filter(r -> r.breuschPaganQ() < fdr).count()
            / (double) residuals.size();
    double nonlinear = pairShare(pairs);
    double heterogeneous = heterogeneity == null || heterogeneity.variables().isEmpty()
        ? Double.NaN
        : heterogeneity.variables().stream().filter(t -> t.q() < fdr).count()
            / (double) heterogeneity.variables().size();
    Signals signals = new Signals(nonGaussian, nonlinear, heteroscedastic, heterogeneous,
        n * (double) p == 0 ? 0 : missingness.cells() / ((double) n * p), nearConstant);
    Profile.Settings settings = new Profile.Settings(seed, used, fdr,
        pairs.size() / 2, contPairs);
    return new Profile(source, n, p, kind, columns, missingness, duplicates, residuals, pairs,
        heterogeneity, time, signals, settings, findings);
  }

  // ------------------------------------------------------------------ columns

  private static ColumnProfile column(Dataset data, int j) {
    Variable v = data.variable(j);
    int n = data.rows();
    int missing = data.missingCount(j);
    if (v.isCategorical()) {
      int[] codes = data.codes(j);
      int[] counts = new int[v.levelCount()];
      for (int c : codes) {
        if (c >= 0) {
          counts[c]++;
        }
      }
      int present = n - missing;
      int distinct = 0;
      int top = 0;
      for (int c : counts) {
        distinct += c > 0 ? 1 : 0;
        top = Math.max(top, c);
      }
      return new ColumnProfile(v.name(), v.type(), missing, distinct,
          present == 0 ? 1 : (double) top / present, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, null, new Histogram(new double[0], v.levels(), counts));
    }
    double[] values = Arrays.stream(data.doubles(j)).filter(Double::isFinite).sorted().toArray();
    int m = values.length;
    if (m == 0) {
      return new ColumnProfile(v.name(), v.type(), missing, 0, 1, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, null, new Histogram(new double[0], List.of(), new int[0]));
    }
    int distinct = 1;
    int run = 1;
    int top = 1;
    for (int i = 1; i < m; i++) {
      if (values[i] == values[i - 1]) {
        run++;
      } else {
        distinct++;
        run = 1;
      }
      top = Math.max(top, run);
    }
    double mean = 0;
    for (double d : values) {
      mean += d;
    }
    mean /= m;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double d : values) {
      double e = d - mean;
      m2 += e * e;
      m3 += e * e * e;
      m4 += e * e * e * e;
    }
    m2 /= m;
    m3 /= m;
    m4 /= m;
    double sd = m > 1 ? Math.sqrt(m2 * m / (m - 1)) : Double.NaN;
    double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : Double.NaN;
    double kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : Double.NaN;
    AndersonDarling.Result ad = m >= 8 && m2 > 0 ? AndersonDarling.test(values) : null;
    return new ColumnProfile(v.name(), v.type(), missing, distinct, (double) top / m, mean, sd,
        skew, kurt, ad, histogram(values));
  }

  private static Histogram histogram(double[] sorted) {
    double lo = sorted[0];
    double hi = sorted[sorted.length - 1];
    int bins = hi > lo ? BINS : 1;
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = lo + (hi - lo) * b / bins;
    }
    int[] counts = new int[bins];
    for (double v : sorted) {
      int b = hi > lo ? (int) ((v - lo) / (hi - lo) * bins) : 0;
      counts[Math.min(b, bins - 1)]++;
    }
    return new Histogram(edges, List.of(), counts);
  }

  private void marginalFinding(List<ColumnProfile> columns, List<Finding> findings) {
    List<ColumnProfile> tested = columns.stream().filter(c -> c.marginal() != null).toList();
    if (tested.isEmpty()) {
      return;
    }
    double[] p = tested.stream().mapToDouble(c -> c.marginal().pValue()).toArray();
    double[] q = MultipleTesting.benjaminiHochberg(p);
    int k = 0;
    for (double v : q) {
      k += v < fdr ? 1 : 0;
    }
    ColumnProfile worst = tested.stream()
        .max(Comparator.comparingDouble(c -> c.marginal().adjusted())).orElseThrow();
    findings.add(new Finding(Topic.MARGINAL_GAUSSIANITY, worst.name(), "A*²",
        worst.marginal().adjusted(), worst.marginal().pValue(), String.format(Locale.ROOT,
            "%d of %d continuous variables are not normal marginally (Anderson–Darling, BH q <"
                + " %s); the least normal is '%s' (A*² = %.2f, skewness %.2f).", k,
                tested.size(), fmt(fdr), worst.name(), worst.marginal().adjusted(),
                worst.skewness())));
  }

  // ------------------------------------------------------------------ missingness

  private static Missingness missingness(Dataset data, List<Finding> findings) {
    int n = data.rows();
    int p = data.columns();
    long cells = 0;
    double[] share = new double[p];
    List<Integer> withMissing = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      int m = data.missingCount(j);
      cells += m;
      share[j] = n == 0 ? 0 : (double) m / n;
      if (m > 0) {
        withMissing.add(j);
        findings.add(new Finding(Topic.MISSING, data.variable(j).name(), "missing share",
            share[j], Double.NaN, String.format(Locale.ROOT, "'%s' is missing in %.1f%% of rows"
                + " (%d of %d).", data.variable(j).name(), 100 * share[j], m, n)));
      }
    }
    Map<BitSet, Integer> patterns = new LinkedHashMap<>();
    int complete = 0;
    BitSet[] masks = new BitSet[withMissing.size()];
    for (int k = 0; k < masks.length; k++) {
      masks[k] = data.missingMask(withMissing.get(k));
    }
    for (int i = 0; i < n; i++) {
      BitSet pattern = new BitSet();
      for (int k = 0; k < masks.length; k++) {
        if (masks[k].get(i)) {
          pattern.set(withMissing.get(k));
        }
      }
      if (pattern.isEmpty()) {
        complete++;
      } else {
        patterns.merge(pattern, 1, Integer::sum);
      }
    }
    List<MissingPattern> top = patterns.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(10)
        .map(e -> new MissingPattern(e.getKey().stream().mapToObj(j -> data.variable(j).name())
            .toList(), e.getValue()))
        .toList();
    if (!patterns.isEmpty()) {
      MissingPattern first = top.get(0);
      findings.add(new Finding(Topic.MISSING, "data", "complete rows", complete, Double.NaN,
          String.format(Locale.ROOT, "%d of %d rows are complete; %d pattern(s) of missing"
              + " values, the commonest (%s) in %d rows.", complete, n, patterns.size(),
              String.join(", ", first.missing()), first.rows())));
    }
    return new Missingness(cells, complete, share, top, patterns.size());
  }

  // ------------------------------------------------------------------ regression checks

  private int[] sampleRows(Dataset data) {
    int[] cont = continuousColumns(data);
    int[] complete = data.completeRows(cont);
    if (complete.length <= maxRows) {
      return complete;
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] rows = complete.clone();
    for (int i = 0; i < maxRows; i++) {
      int k = i + rng.nextInt(rows.length - i);
      int t = rows[i];
      rows[i] = rows[k];
      rows[k] = t;
    }
    int[] out = Arrays.copyOf(rows, maxRows);
    Arrays.sort(out);
    return out;
  }

  private static int[] continuousColumns(Dataset data) {
    return java.util.stream.IntStream.range(0, data.columns())
        .filter(j -> data.variable(j).isContinuous() && data.missingCount(j) < data.rows())
        .toArray();
  }

  /** The continuous columns on the sampled rows, centred and scaled (constant ones left at 0). */
  private static double[][] standardisedColumns(Dataset data, int[] cont, int[] rows) {
    double[][] x = new double[cont.length][rows.length];
    for (int k = 0; k < cont.length; k++) {
      double[] col = data.doubles(cont[k]);
      double mean = 0;
      for (int i = 0; i < rows.length; i++) {
        x[k][i] = col[rows[i]];
        mean += x[k][i];
      }
      mean /= Math.max(1, rows.length);
      double ss = 0;
      for (int i = 0; i < rows.length; i++) {
        x[k][i] -= mean;
        ss += x[k][i] * x[k][i];
      }
      double sd = Math.sqrt(ss / Math.max(1, rows.length - 1));
      for (int i = 0; i < rows.length; i++) {
        x[k][i] = sd > 0 ? x[k][i] / sd : 0;
      }
    }
    return x;
  }

  private static double[][] correlations(double[][] x) {
    int k = x.length;
    double[][] r = new double[k][k];
    int n = k == 0 ? 0 : x[0].length;
    for (int a = 0; a < k; a++) {
      r[a][a] = 1;
      for (int b = a + 1; b < k; b++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += x[a][i] * x[b][i];
        }
        r[a][b] = r[b][a] = n > 1 ? s / (n - 1) : 0;
      }
    }
    return r;
  }

  private static List<NearDuplicate> nearDuplicates(Dataset data, int[] cont, double[][] corr,
      List<Finding> findings) {
    List<NearDuplicate> out = new ArrayList<>();
    for (int a = 0; a < cont.length; a++) {
      for (int b = a + 1; b < cont.length; b++) {
        if (Math.abs(corr[a][b]) >= NEAR_DUPLICATE) {
          out.add(new NearDuplicate(data.variable(cont[a]).name(), data.variable(cont[b]).name(),
              Math.abs(corr[a][b])));
        }
      }
    }
    int p = data.columns();
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        if (data.variable(a).isCategorical() && data.variable(b).isCategorical()
            && Arrays.equals(data.codes(a), data.codes(b))) {
          out.add(new NearDuplicate(data.variable(a).name(), data.variable(b).name(), 1.0));
        }
      }
    }
    for (NearDuplicate d : out) {
      findings.add(new Finding(Topic.NEAR_DUPLICATE, d.first() + ", " + d.second(), "|r|",
          d.absCorrelation(), Double.NaN, String.format(Locale.ROOT, "'%s' and '%s' nearly"
              + " repeat each other (|r| = %.4f): tests conditioning on one cannot see the other;"
              + " consider dropping one.", d.first(), d.second(), d.absCorrelation())));
    }
    return out;
  }

  private List<ResidualCheck> residualChecks(Dataset data, int[] cont, double[][] x,
      double[][] corr, List<Finding> findings) {
    int n = x.length == 0 ? 0 : x[0].length;
    if (cont.length < 2 || n < MIN_REGRESSION_ROWS) {
      return List.of();
    }
    List<ResidualCheck> raw = new ArrayList<>();
    for (int a = 0; a < cont.length; a++) {
      final int target = a;
      Integer[] others = java.util.stream.IntStream.range(0, cont.length)
          .filter(b -> b != target).boxed().toArray(Integer[]::new);
      Arrays.sort(others, (u, v) -> {
        int c = Double.compare(Math.abs(corr[target][v]), Math.abs(corr[target][u]));
        return c != 0 ? c : Integer.compare(u, v);
      });
      int k = Math.min(Math.min(others.length, MAX_REGRESSORS), n - 10);
      if (k < 1) {
        continue;
      }
      Integer[] chosen = Arrays.copyOf(others, k);
      Arrays.sort(chosen);
      double[][] regressors = new double[k][];
      List<String> names = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        regressors[i] = x[chosen[i]];
        names.add(data.variable(cont[chosen[i]]).name());
      }
      LinearFit fit = LinearFit.of(x[a], regressors);
      double[] e = fit.residuals;
      AndersonDarling.Result ad;
      try {
        ad = AndersonDarling.test(e);
      } catch (InvalidInputException perfectFit) {
        continue;
      }
      double[] e2 = new double[n];
      for (int i = 0; i < n; i++) {
        e2[i] = e[i] * e[i];
      }
      double bp = n * LinearFit.of(e2, regressors).rSquared;
      double bpP = ChiSquaredDistribution.of(k).survivalProbability(bp);
      raw.add(new ResidualCheck(data.variable(cont[a]).name(), names, n, fit.rSquared, ad,
          Double.NaN, bp, k, bpP, Double.NaN));
    }
    double[] qa = MultipleTesting.benjaminiHochberg(
        raw.stream().mapToDouble(r -> r.gaussianity().pValue()).toArray());
    double[] qb = MultipleTesting.benjaminiHochberg(
        raw.stream().mapToDouble(ResidualCheck::breuschPaganP).toArray());
    List<ResidualCheck> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      ResidualCheck r = raw.get(i);
      out.add(new ResidualCheck(r.variable(), r.regressors(), r.n(), r.rSquared(), r.gaussianity(),
          qa[i], r.breuschPagan(), r.breuschPaganDf(), r.breuschPaganP(), qb[i]));
    }
    if (!out.isEmpty()) {
      long nonGaussian = out.stream().filter(r -> r.gaussianityQ() < fdr).count();
      ResidualCheck worst = out.stream()
          .max(Comparator.comparingDouble(r -> r.gaussianity().adjusted())).orElseThrow();
      findings.add(new Finding(Topic.RESIDUAL_GAUSSIANITY, worst.variable(), "A*²",
          worst.gaussianity().adjusted(), worst.gaussianityQ(), String.format(Locale.ROOT,
              "The residuals of %d of %d continuous variables, regressed linearly on the others,"
                  + " are non-Gaussian (Anderson–Darling, BH q < %s); the strongest is '%s'"
                  + " (A*² = %.2f).%s", nonGaussian, out.size(), fmt(fdr), worst.variable(),
              worst.gaussianity().adjusted(), nonGaussian * 2 > out.size()
                  ? " Non-Gaussian noise lets LiNGAM-type methods orient edges a Gaussian"
                      + " method leaves undirected." : "")));
      long hetero = out.stream().filter(r -> r.breuschPaganQ() < fdr).count();
      ResidualCheck strongest = out.stream()
          .min(Comparator.comparingDouble(ResidualCheck::breuschPaganP)).orElseThrow();
      findings.add(new Finding(Topic.HETEROSCEDASTICITY, strongest.variable(), "Breusch–Pagan LM",
          strongest.breuschPagan(), strongest.breuschPaganQ(), String.format(Locale.ROOT,
              "%d of %d continuous variables have residual variance that changes with the"
                  + " regressors (Breusch–Pagan, BH q < %s); the strongest is '%s' (LM = %.1f on"
                  + " %d df).", hetero, out.size(), fmt(fdr), strongest.variable(),
              strongest.breuschPagan(), strongest.breuschPaganDf())));
    }
    return out;
  }

  private List<PairCheck> pairChecks(Dataset data, int[] cont, double[][] x,
      List<Finding> findings) {
    int n = x.length == 0 ? 0 : x[0].length;
    if (cont.length < 2 || n < MIN_REGRESSION_ROWS) {
      return List.of();
    }
    List<int[]> all = new ArrayList<>();
    for (int a = 0; a < cont.length; a++) {
      for (int b = a + 1; b < cont.length; b++) {
        all.add(new int[] {a, b});
      }
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x5DEECE66DL);
    for (int i = all.size() - 1; i > 0; i--) {
      int k = rng.nextInt(i + 1);
      int[] t = all.get(i);
      all.set(i, all.get(k));
      all.set(k, t);
    }
    List<int[]> chosen = new ArrayList<>(all.subList(0, Math.min(maxPairs, all.size())));
    chosen.sort(Comparator.<int[]>comparingInt(v -> v[0]).thenComparingInt(v -> v[1]));
    List<PairCheck> raw = new ArrayList<>();
    for (int[] pair : chosen) {
      for (int dir = 0; dir < 2; dir++) {
        int xi = dir == 0 ? pair[0] : pair[1];
        int yi = dir == 0 ? pair[1] : pair[0];
        raw.add(splineTest(data.variable(cont[xi]).name(), data.variable(cont[yi]).name(),
            x[xi], x[yi]));
      }
    }
    double[] q = MultipleTesting.benjaminiHochberg(raw.stream().mapToDouble(PairCheck::p)
        .toArray());
    List<PairCheck> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      PairCheck r = raw.get(i);
      out.add(new PairCheck(r.x(), r.y(), r.n(), r.f(), r.df1(), r.df2(), r.p(), q[i], r.gain(),
          q[i] < fdr && r.gain() >= MIN_GAIN));
    }
    int tested = chosen.size();
    long nonlinear = countNonlinearPairs(out);
    PairCheck strongest = out.stream().max(Comparator.comparingDouble(PairCheck::gain))
        .orElseThrow();
    findings.add(new Finding(Topic.NONLINEARITY, strongest.x() + " → " + strongest.y(), "F",
        strongest.f(), strongest.q(), String.format(Locale.ROOT, "%d of %d sampled pairs (of %d)"
            + " show a nonlinear relation (cubic spline against a line, F-test, BH q < %s and at"
            + " least %.0f%% less residual variance); the clearest is %s → %s (F = %.1f on %d"
            + " and %d df, %.0f%% less residual variance).", nonlinear, tested, all.size(),
            fmt(fdr), 100 * MIN_GAIN, strongest.x(), strongest.y(), strongest.f(),
            strongest.df1(), strongest.df2(), 100 * strongest.gain())));
    return out;
  }

  /** Line against cubic regression spline (truncated power basis, knots at x's quartiles). */
  static PairCheck splineTest(String xName, String yName, double[] x, double[] y) {
    int n = x.length;
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] knots = {quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75)};
    double[][] basis = new double[2 + knots.length][n];
    for (int i = 0; i < n; i++) {
      basis[0][i] = x[i] * x[i];
      basis[1][i] = x[i] * x[i] * x[i];
      for (int k = 0; k < knots.length; k++) {
        double t = Math.max(0, x[i] - knots[k]);
        basis[2 + k][i] = t * t * t;
      }
    }
    double[][] full = new double[basis.length + 1][];
    full[0] = x;
    System.arraycopy(basis, 0, full, 1, basis.length);
    LinearFit line = LinearFit.of(y, new double[][] {x});
    LinearFit spline = LinearFit.of(y, full);
    int df1 = spline.parameters - line.parameters;
    int df2 = n - spline.parameters;
    double f = spline.rss > 0 ? ((line.rss - spline.rss) / df1) / (spline.rss / df2) : 0;
    f = Math.max(0, f);
    double pValue = FDistribution.of(df1, df2).survivalProbability(f);
    double gain = line.rss > 0 ? Math.max(0, (line.rss - spline.rss) / line.rss) : 0;
    return new PairCheck(xName, yName, n, f, df1, df2, pValue, Double.NaN, gain, false);
  }

  private static double quantile(double[] sorted, double prob) {
    double h = (sorted.length - 1) * prob;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static long countNonlinearPairs(List<PairCheck> checks) {
    long k = 0;
    for (int i = 0; i + 1 < checks.size(); i += 2) {
      k += checks.get(i).nonlinear() || checks.get(i + 1).nonlinear() ? 1 : 0;
    }
    return k;
  }

  private static double pairShare(List<PairCheck> checks) {
    return checks.isEmpty() ? Double.NaN
        : countNonlinearPairs(checks) / (checks.size() / 2.0);
  }

  // ------------------------------------------------------------------ domains and time

  private Heterogeneity heterogeneity(Dataset data, List<Finding> findings) {
    if (data.domain().isEmpty()) {
      return null;
    }
    DomainColumn dom = data.domain().get();
    int g = dom.levels().size();
    int[] labels = dom.labels();
    List<DomainTest> raw = new ArrayList<>();
    for (int j = 0; j < data.columns(); j++) {
      Variable v = data.variable(j);
      DomainTest t = v.isContinuous() ? anova(v.name(), data.doubles(j), labels, g)
          : chiSquare(v.name(), data.codes(j), v.levelCount(), labels, g);
      if (t != null) {
        raw.add(t);
      }
    }
    double[] q = MultipleTesting.benjaminiHochberg(raw.stream().mapToDouble(DomainTest::p)
        .toArray());
    List<DomainTest> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      DomainTest t = raw.get(i);
      out.add(new DomainTest(t.variable(), t.statistic(), t.value(), t.p(), q[i]));
    }
    long differ = out.stream().filter(t -> t.q() < fdr).count();
    DomainTest strongest = out.stream().min(Comparator.comparingDouble(DomainTest::p))
        .orElse(null);
    if (strongest != null) {
      findings.add(new Finding(Topic.HETEROGENEITY, dom.name(), strongest.statistic(),
          strongest.value(), strongest.q(), String.format(Locale.ROOT, "Across the %d domains"
              + " of '%s', %d of %d variables differ in distribution (ANOVA F or χ², BH q < %s);"
              + " the clearest is '%s' (%s = %.1f).", g, dom.name(), differ, out.size(), fmt(fdr),
              strongest.variable(), strongest.statistic(), strongest.value())));
    }
    return new Heterogeneity(dom.name(), g, out);
  }

  /** One-way ANOVA of a continuous variable across domains (missing values skipped). */
  static DomainTest anova(String name, double[] v, int[] labels, int g) {
    double[] sum = new double[g];
    int[] count = new int[g];
    double total = 0;
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i]) && labels[i] >= 0) {
        sum[labels[i]] += v[i];
        count[labels[i]]++;
        total += v[i];
        n++;
      }
    }
    int groups = 0;
    for (int c : count) {
      groups += c > 0 ? 1 : 0;
    }
    if (groups < 2 || n - groups < 1) {
      return null;
    }
    double grand = total / n;
    double between = 0;
    for (int k = 0; k < g; k++) {
      if (count[k] > 0) {
        double m = sum[k] / count[k];
        between += count[k] * (m - grand) * (m - grand);
      }
    }
    double within = 0;
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i]) && labels[i] >= 0) {
        double d = v[i] - sum[labels[i]] / count[labels[i]];
        within += d * d;
      }
    }
    int df1 = groups - 1;
    int df2 = n - groups;
    double f = within > 0 ? (between / df1) / (within / df2) : Double.POSITIVE_INFINITY;
    double p = Double.isInfinite(f) ? 0 : FDistribution.of(df1, df2).survivalProbability(f);
    return new DomainTest(name, "F", f, p, Double.NaN);
  }

  /** Pearson's χ² test of homogeneity of a categorical variable across domains. */
  static DomainTest chiSquare(String name, int[] codes, int levels, int[] labels, int g) {
    long[][] table = new long[g][levels];
    long[] rowSum = new long[g];
    long[] colSum = new long[levels];
    long n = 0;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] >= 0 && labels[i] >= 0) {
        table[labels[i]][codes[i]]++;
        rowSum[labels[i]]++;
        colSum[codes[i]]++;
        n++;
      }
    }
    int rows = 0;
    int cols = 0;
    for (long r : rowSum) {
      rows += r > 0 ? 1 : 0;
    }
    for (long c : colSum) {
      cols += c > 0 ? 1 : 0;
    }
    if (rows < 2 || cols < 2) {
      return null;
    }
    double stat = 0;
    for (int a = 0; a < g; a++) {
      for (int b = 0; b < levels; b++) {
        if (rowSum[a] > 0 && colSum[b] > 0) {
          double e = (double) rowSum[a] * colSum[b] / n;
          stat += (table[a][b] - e) * (table[a][b] - e) / e;
        }
      }
    }
    int df = (rows - 1) * (cols - 1);
    return new DomainTest(name, "χ²", stat,
        ChiSquaredDistribution.of(df).survivalProbability(stat), Double.NaN);
  }

  private TimeLook timeLook(Dataset data, int[] cont, List<Finding> findings) {
    int n = data.rows();
    int[] order = java.util.stream.IntStream.range(0, n).toArray();
    String orderColumn = null;
    boolean declared = false;
    if (data.time().isPresent()) {
      TimeColumn t = data.time().get();
      orderColumn = t.name();
      declared = true;
      double[] tv = t.values();
      order = java.util.stream.IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> tv[i]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue).toArray();
    } else {
      for (int j : cont) {
        if (isStrictlyMonotone(data.doubles(j))) {
          orderColumn = data.variable(j).name();
          break;
        }
      }
    }
    List<Autocorrelation> raw = new ArrayList<>();
    NormalDistribution z = NormalDistribution.of(0, 1);
    for (int j : cont) {
      double[] v = data.doubles(j);
      double mean = 0;
      int m = 0;
      for (int i : order) {
        if (Double.isFinite(v[i])) {
          mean += v[i];
          m++;
        }
      }
      if (m < MIN_REGRESSION_ROWS) {
        continue;
      }
      mean /= m;
      double num = 0;
      double den = 0;
      for (int k = 0; k < n; k++) {
        double a = v[order[k]];
        if (!Double.isFinite(a)) {
          continue;
        }
        den += (a - mean) * (a - mean);
        if (k + 1 < n && Double.isFinite(v[order[k + 1]])) {
          num += (a - mean) * (v[order[k + 1]] - mean);
        }
      }
      if (!(den > 0)) {
        continue;
      }
      double r1 = num / den;
      double stat = r1 * Math.sqrt(m);
      raw.add(new Autocorrelation(data.variable(j).name(), r1, stat,
          2 * z.survivalProbability(Math.abs(stat)), Double.NaN));
    }
    double[] q = MultipleTesting.benjaminiHochberg(raw.stream().mapToDouble(Autocorrelation::p)
        .toArray());
    List<Autocorrelation> out = new ArrayList<>();
    int strong = 0;
    for (int i = 0; i < raw.size(); i++) {
      Autocorrelation a = raw.get(i);
      out.add(new Autocorrelation(a.variable(), a.r1(), a.z(), a.p(), q[i]));
      if (q[i] < fdr && Math.abs(a.r1()) >= AUTOCORRELATION) {
        strong++;
      }
    }
    boolean looks = declared || (!out.isEmpty() && strong * 2 >= out.size());
    double median = out.isEmpty() ? Double.NaN
        : median(out.stream().mapToDouble(a -> Math.abs(a.r1())).toArray());
    String text;
    if (declared) {
      text = String.format(Locale.ROOT, "'%s' is declared the time column; %d of %d variables"
          + " have a lag-1 autocorrelation of at least %.1f (BH q < %s); median |r₁| = %.2f.",
          orderColumn, strong, out.size(), AUTOCORRELATION, fmt(fdr), median);
    } else if (looks) {
      text = String.format(Locale.ROOT, "The rows look ordered in time: %d of %d variables have"
          + " a lag-1 autocorrelation of at least %.1f (BH q < %s); median |r₁| = %.2f. Methods"
          + " for independent rows may mislead; declare the time column with --time.", strong,
          out.size(), AUTOCORRELATION, fmt(fdr), median);
    } else {
      text = String.format(Locale.ROOT, "No sign that the rows are ordered in time: %d of %d"
          + " variables have a lag-1 autocorrelation of at least %.1f; median |r₁| = %.2f.",
          strong, out.size(), AUTOCORRELATION, median);
    }
    if (orderColumn != null && !declared) {
      text += " '" + orderColumn + "' increases or decreases over the rows: it may be an"
          + " index or time stamp rather than a variable.";
    }
    findings.add(new Finding(Topic.TIME_ORDER, orderColumn == null ? "data" : orderColumn,
        "median |r₁|", median, Double.NaN, text));
    return new TimeLook(orderColumn, declared, out, looks);
  }

  private static boolean isStrictlyMonotone(double[] v) {
    if (v.length < 3) {
      return false;
    }
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < v.length; i++) {
      if (!Double.isFinite(v[i]) || !Double.isFinite(v[i - 1])) {
        return false;
      }
      up &= v[i] > v[i - 1];
      down &= v[i] < v[i - 1];
    }
    return up || down;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length;
    return m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  /** Options for {@link Profiler}; every one has a default. */
  public static final class Builder {
    private long seed = 0;
    private double fdr = 0.05;
    private int maxRows = 2000;
    private int maxPairs = 40;

    private Builder() {}

    /** Seeds the row and pair samples (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The Benjamini–Hochberg level of every multiple check (default 0.05). */
    public Builder fdr(double fdr) {
      if (!(fdr > 0 && fdr < 1)) {
        throw new InvalidInputException("the FDR level must be in (0, 1), not " + fdr);
      }
      this.fdr = fdr;
      return this;
    }

    /** Rows sampled for the regression checks (default 2000). */
    public Builder maxRows(int maxRows) {
      if (maxRows < MIN_REGRESSION_ROWS) {
        throw new InvalidInputException("maxRows must be at least " + MIN_REGRESSION_ROWS);
      }
      this.maxRows = maxRows;
      return this;
    }

    /** Unordered pairs tested for nonlinearity, both directions each (default 40). */
    public Builder maxPairs(int maxPairs) {
      if (maxPairs < 1) {
        throw new InvalidInputException("maxPairs must be at least 1");
      }
      this.maxPairs = maxPairs;
      return this;
    }

    public Profiler build() {
      return new Profiler(this);
    }
  }
}
