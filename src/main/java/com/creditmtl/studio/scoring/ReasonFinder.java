package com.creditmtl.studio.scoring;

import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Preprocessor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The reasons behind an applicant's default probability: the (up to) {@value #MAX_REASONS}
 * features that raise the default task's log-odds most against a reference applicant.
 *
 * <p>The reference applicant has every numeric feature at its training median and every
 * categorical feature at its most frequent training value. The effects are the exact
 * {@link IntegratedGradients} of the default head's logit along the straight path from the
 * reference (in the network's standardised inputs), taken per encoded input and added up per
 * original column (its {@code _missing} indicator and its one-hot levels included), so they sum
 * to the change in log-odds from the reference to the applicant, up to rounding.
 *
 * <p>Only features with a positive effect are reasons, so an applicant safer than the reference
 * in every feature has none. The effects describe this network against this reference; they are
 * not causes, and a feature the network reads together with others (such as successive months'
 * bills) may share its effect with them. Thread-safe: it reads a copy of the network's
 * weights made when it is created, so later training does not reach it.
 */
public final class ReasonFinder {

    public static final int MAX_REASONS = 4;

    private final FeatureEncoder encoder;
    private final Preprocessor preprocessor;
    private final IntegratedGradients gradients;
    private final ReasonTexts texts;
    private final List<String> columns;
    private final int[] source;
    private final Map<String, Object> reference;
    private final double[] referenceInput;
    private final double referenceLogit;

    /**
     * @param task the binary task whose log-odds are explained (the default task)
     */
    public ReasonFinder(FeatureEncoder encoder, Preprocessor preprocessor,
            ComputationGraph network, int task, ReasonTexts texts) {
        this.encoder = encoder;
        this.preprocessor = preprocessor;
        this.gradients = new IntegratedGradients(network, task);
        this.texts = texts;
        this.columns = encoder.sourceColumns();
        this.source = encoder.sourceIndex();

        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : encoder.numericFeatures()) {
            values.put(column, preprocessor.featureMedian(encoder.encodedIndex(column)));
        }
        for (String column : encoder.categoricalFeatures()) {
            values.put(column, encoder.mostFrequent(column));
        }
        this.reference = Collections.unmodifiableMap(values);
        this.referenceInput = standardised(reference);
        this.referenceLogit = gradients.logit(referenceInput);
    }

    /** The reference applicant's values, by column. */
    public Map<String, Object> reference() {
        return reference;
    }

    /** The default task's log-odds of an applicant, from the network's weights. */
    public double logit(Map<String, ?> applicant) {
        return gradients.logit(standardised(applicant));
    }

    /** Effects of every feature and the reasons, for an applicant's original values. */
    public Explanation explain(Map<String, ?> applicant) {
        double[] input = standardised(applicant);
        return explanation(applicant, input,
                gradients.exactAttributions(input, referenceInput));
    }

    /**
     * As {@link #explain(Map)} with the effects from a midpoint Riemann sum of the given steps
     * instead of the exact integral: for comparison only.
     */
    public Explanation explain(Map<String, ?> applicant, int steps) {
        double[] input = standardised(applicant);
        return explanation(applicant, input,
                gradients.attributions(input, referenceInput, steps));
    }

    private Explanation explanation(Map<String, ?> applicant, double[] input,
            double[] perInput) {
        double[] effects = new double[columns.size()];
        for (int i = 0; i < perInput.length; i++) {
            effects[source[i]] += perInput[i];
        }

        List<Integer> raising = new ArrayList<>();
        for (int c = 0; c < effects.length; c++) {
            if (effects[c] > 0) {
                raising.add(c);
            }
        }
        raising.sort(Comparator.comparingDouble((Integer c) -> effects[c]).reversed());
        List<Reason> reasons = new ArrayList<>();
        for (int c : raising.subList(0, Math.min(MAX_REASONS, raising.size()))) {
            String column = columns.get(c);
            String value = shown(applicant.get(column));
            String referenceValue = shown(reference.get(column));
            reasons.add(new Reason(column, value, referenceValue, effects[c],
                    texts.sentence(column, value, referenceValue, effects[c])));
        }
        return new Explanation(columns, effects, gradients.logit(input), referenceLogit,
                reasons);
    }

    private double[] standardised(Map<String, ?> applicant) {
        return preprocessor.transformFeatures(new double[][] {encoder.encode(applicant)})[0];
    }

    /**
     * A value as a reason shows it: numbers to six significant digits without needless decimals,
     * from 10,000 up with thousands separators (below, a year or a code reads as written);
     * texts with the blanks around and doubled within them taken out (" 60 months"); "missing"
     * for none.
     */
    static String shown(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "missing";
        }
        if (value instanceof Number number) {
            double x = number.doubleValue();
            if (Double.isNaN(x)) {
                return "missing";
            }
            if (Double.isInfinite(x)) {
                return Double.toString(x);
            }
            BigDecimal rounded = new BigDecimal(x).round(new MathContext(6));
            if (Math.abs(x) >= GROUPED_FROM) {
                DecimalFormat grouped = new DecimalFormat("#,##0.######",
                        DecimalFormatSymbols.getInstance(Locale.ENGLISH));
                return grouped.format(rounded);
            }
            return rounded.stripTrailingZeros().toPlainString();
        }
        return BLANKS.matcher(value.toString().strip()).replaceAll(" ");
    }

    /** Numbers from this size up are shown with thousands separators. */
    static final double GROUPED_FROM = 10_000;

    private static final Pattern BLANKS = Pattern.compile("\\s+");
}
