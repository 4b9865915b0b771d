package com.creditmtl.studio.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;

/**
 * The forward pass of a network built by {@link MultiTaskNetworkFactory}, in double precision,
 * one applicant at a time, from a copy of its weights: dense ReLU shared layers, then the heads'
 * raw outputs (a logit for a binary task, a standardised value for a regression task).
 *
 * <p>Why not ND4J: its float matrix products add up in an order that depends on how many rows
 * are multiplied at once, so an applicant's prediction moved in the sixth digit with the size of
 * the file it came in. Here each applicant's outputs depend on its own inputs only, so a file of
 * one row, a large file, a Spark partition and a what-if all give the same numbers. Dropout is
 * ignored, as at prediction time. The weights are copied when this object is made; training the
 * network afterwards does not change it. Thread-safe once made.
 */
public final class DenseForward {

    private final List<double[][]> weights = new ArrayList<>();
    private final List<double[]> biases = new ArrayList<>();
    private final int inputs;

    public DenseForward(ComputationGraph network) {
        for (int i = 0; ; i++) {
            GraphVertex vertex = network.getVertex(MultiTaskNetworkFactory.sharedName(i));
            if (vertex == null) {
                break;
            }
            add(vertex.getLayer());
        }
        add(network.getLayer(MultiTaskNetworkFactory.HEADS));
        inputs = weights.get(0).length;
    }

    private void add(Layer layer) {
        weights.add(layer.getParam("W").toDoubleMatrix());
        biases.add(layer.getParam("b").toDoubleVector());
    }

    public int inputs() {
        return inputs;
    }

    /** The heads' raw outputs, one per task, for one standardised input row. */
    public double[] outputs(double[] input) {
        if (input.length != inputs) {
            throw new IllegalArgumentException("the network reads " + inputs + " inputs, not "
                    + input.length);
        }
        double[] activation = input;
        int last = weights.size() - 1;
        for (int l = 0; l <= last; l++) {
            double[][] w = weights.get(l);
            double[] out = biases.get(l).clone();
            for (int i = 0; i < w.length; i++) {
                double x = activation[i];
                if (x != 0) {
                    double[] row = w[i];
                    for (int u = 0; u < out.length; u++) {
                        out[u] += x * row[u];
                    }
                }
            }
            if (l < last) {
                for (int u = 0; u < out.length; u++) {
                    out[u] = Math.max(out[u], 0);
                }
            }
            activation = out;
        }
        return activation;
    }
}
