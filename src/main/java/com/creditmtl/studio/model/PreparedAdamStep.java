package com.creditmtl.studio.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.LongPointer;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.OpaqueContext;

/**
 * What one of the network's Adam updater blocks does at each step, with its ND4J op and native
 * context built once: first the L2 penalty added to each weight's gradient, then Adam turning the
 * gradient into the update and moving its two moment estimates.
 *
 * <p>{@link UpdaterBlock#update} builds a new op, a new native context and new views at every
 * step; ND4J frees their native memory only after a garbage collection has found them
 * unreachable, and the collections grew long enough to stall the window (see
 * {@link PreparedProduct}). Here the Adam op is ND4J's own, run on the same arrays with the same
 * arguments, so the update is identical; the per-step arguments (learning rate, iteration) are
 * written into native buffers allocated once. The L2 term is added in plain float arithmetic,
 * as ND4J's {@code axpy} computes it, {@code l2 · w + g}.
 *
 * <p>{@link #forBlock} declines any block that is not Adam with, at most, L2 penalties; the
 * step then keeps the block's own {@code update}.
 */
final class PreparedAdamStep {

    private final Adam config;
    private final org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater op;
    private final OpContext context;
    private final NativeOps nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
    private final LongPointer iteration = new LongPointer(1);
    private final DoublePointer rates = new DoublePointer(4);
    private final List<Penalty> penalties;

    private PreparedAdamStep(AdamUpdater updater, INDArray gradient, List<Penalty> penalties) {
        this.config = updater.getConfig();
        this.penalties = penalties;
        INDArray v = updater.getV();
        INDArray m = updater.getM();
        INDArray g = gradient.reshape(gradient.length()).reshape(v.shape());
        op = new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(g, v, m, 0, config.getBeta1(),
                config.getBeta2(), config.getEpsilon(), 0);
        context = Nd4j.getExecutioner().buildContext();
        context.markInplace(false);
        context.setInputArrays(g, v, m);
        context.setOutputArrays(g, v, m);
        context.setBArguments(op.bArgs());
        context.setIArguments(op.iArgs());
        context.setTArguments(op.tArgs());
        context.setDArguments(op.dArgs());
    }

    /** The prepared step of the block, or null when the block is not Adam with L2 at most. */
    static PreparedAdamStep forBlock(UpdaterBlock block) {
        if (!(block.getGradientUpdater() instanceof AdamUpdater adam)
                || adam.getM() == null || adam.getV() == null) {
            return null;
        }
        List<Penalty> penalties = new ArrayList<>();
        for (UpdaterBlock.ParamState state : block.getLayersAndVariablesInBlock()) {
            List<Regularization> regularizations = state.getLayer().getConfig()
                    .getRegularizationByParam(state.getParamName());
            if (regularizations == null) {
                continue;
            }
            for (Regularization regularization : regularizations) {
                if (!(regularization instanceof L2Regularization l2)
                        || regularization.applyStep() != Regularization.ApplyStep.BEFORE_UPDATER
                        || !contiguous(state.getParamView())
                        || !contiguous(state.getGradView())) {
                    return null;
                }
                penalties.add(new Penalty(l2, state.getParamView(), state.getGradView()));
            }
        }
        INDArray gradient = block.getGradientView();
        if (!contiguous(gradient)) {
            return null;
        }
        return new PreparedAdamStep(adam, gradient, penalties);
    }

    /** Turns the block's gradient into its update, as {@link UpdaterBlock#update} does. */
    void update(int iteration, int epoch) {
        for (Penalty penalty : penalties) {
            penalty.apply(iteration, epoch);
        }
        this.iteration.put(0, iteration);
        rates.put(0, config.getLearningRate(iteration, epoch));
        rates.put(1, config.getBeta1());
        rates.put(2, config.getBeta2());
        rates.put(3, config.getEpsilon());
        OpaqueContext pointer = (OpaqueContext) context.contextPointer();
        nativeOps.setGraphContextIArguments(pointer, this.iteration, 1);
        nativeOps.setGraphContextTArguments(pointer, rates, 4);
        Nd4j.getExecutioner().exec(op, context);
    }

    private static boolean contiguous(INDArray array) {
        return array != null && array.elementWiseStride() == 1;
    }

    /** The L2 penalty of one weight matrix: its gradient gains l2 times the weights. */
    private static final class Penalty {
        private final L2Regularization l2;
        private final FloatBuffer weights;
        private final int weightOffset;
        private final FloatBuffer gradient;
        private final int gradientOffset;
        private final int length;

        Penalty(L2Regularization l2, INDArray weights, INDArray gradient) {
            this.l2 = l2;
            this.weights = weights.data().asNioFloat();
            this.weightOffset = (int) weights.offset();
            this.gradient = gradient.data().asNioFloat();
            this.gradientOffset = (int) gradient.offset();
            this.length = (int) weights.length();
        }

        void apply(int iteration, int epoch) {
            float coefficient = (float) l2.getL2().valueAt(iteration, epoch);
            for (int i = 0; i < length; i++) {
                int g = gradientOffset + i;
                gradient.put(g, coefficient * weights.get(weightOffset + i) + gradient.get(g));
            }
        }
    }
}
