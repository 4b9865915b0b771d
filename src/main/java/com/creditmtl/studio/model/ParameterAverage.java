package com.creditmtl.studio.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exponential moving average of a network's parameters, kept beside them and updated after
 * every optimiser step in plain Java on the parameters' buffer (a few thousand numbers, far
 * cheaper than an ND4J call). {@link #swap} exchanges the average and the parameters in place,
 * so the network can be evaluated with the average and then given its own parameters back.
 *
 * <p>The decay after n updates is {@code min(decay, (1 + n) / (10 + n))}: low at first, so the
 * random initial parameters fade within the first steps. Works on float parameters held in one
 * contiguous buffer, as a network built by {@link MultiTaskNetworkFactory} has.
 */
final class ParameterAverage {

    private final INDArray parameters;
    private final float[] average;
    private final double decay;
    private long updates;

    ParameterAverage(INDArray parameters, double decay) {
        if (parameters.dataType() != DataType.FLOAT || parameters.elementWiseStride() != 1) {
            throw new IllegalArgumentException("parameter averaging needs the float parameters "
                    + "of one buffer");
        }
        this.parameters = parameters;
        this.average = parameters.dup().data().asFloat();
        this.decay = decay;
    }

    /** Moves the average towards the current parameters. */
    void update() {
        updates++;
        float d = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
        float rest = 1 - d;
        FloatBuffer values = buffer();
        int offset = (int) parameters.offset();
        for (int i = 0; i < average.length; i++) {
            average[i] = d * average[i] + rest * values.get(offset + i);
        }
    }

    /** Exchanges the parameters and the average. */
    void swap() {
        FloatBuffer values = buffer();
        int offset = (int) parameters.offset();
        for (int i = 0; i < average.length; i++) {
            float current = values.get(offset + i);
            values.put(offset + i, average[i]);
            average[i] = current;
        }
    }

    private FloatBuffer buffer() {
        return parameters.data().asNioFloat();
    }
}
