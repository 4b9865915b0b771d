package com.creditmtl.studio.model;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One matrix product {@code c = op(a) · op(b)} whose ND4J op and native context are built once
 * and run again at every step on the same arrays, whose contents change.
 *
 * <p>{@link Nd4j#gemm} builds a new op and a new native context at each call, each with native
 * argument buffers that ND4J frees only after a garbage collection has found them unreachable.
 * Over a training's hundreds of thousands of products these references make the young
 * collections copy tens of megabytes, so the collections pause the whole program, the window
 * included, for 40 to 90 ms. The product computed is the same op with the same arguments, so the
 * results are identical to {@link Nd4j#gemm}'s.
 */
final class PreparedProduct {

    private final Mmul op;
    private final OpContext context;

    /**
     * @param a left factor
     * @param b right factor
     * @param c the result, contiguous; written over
     * @param transposeA whether {@code a} is transposed
     * @param transposeB whether {@code b} is transposed
     */
    PreparedProduct(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        if (c.elementWiseStride() != 1) {
            throw new IllegalArgumentException("the result of a product must not be a view");
        }
        op = new Mmul(a, b, c, 1.0, 0.0, MMulTranspose.builder().transposeA(transposeA)
                .transposeB(transposeB).build());
        context = Nd4j.getExecutioner().buildContext();
        context.markInplace(false);
        context.setInputArrays(a, b);
        context.setOutputArrays(c);
        context.setBArguments(op.bArgs());
        context.setIArguments(op.iArgs());
        context.setTArguments(op.tArgs());
        context.setDArguments(op.dArgs());
    }

    /** Computes the product into its result. */
    void run() {
        Nd4j.getExecutioner().exec(op, context);
    }
}
