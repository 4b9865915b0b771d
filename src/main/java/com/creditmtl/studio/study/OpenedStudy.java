package com.creditmtl.studio.study;

import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.Split;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A study read from a study file, as a {@link Study} the what-if, the exports and the window
 * can use. What the file does not keep stays empty: no history, no split, no test applicants,
 * no metrics and no leakage flags. The training settings are read back from the file for the
 * tasks, layers, epochs, batch size, learning rate and seed; the further training options are
 * not, so the settings must not be used to train again.
 */
public final class OpenedStudy {

    private OpenedStudy() {
    }

    public static Study of(SavedStudy saved) {
        JsonNode json = saved.settings();
        List<Integer> layers = new ArrayList<>();
        json.path("hidden_layers").forEach(width -> layers.add(width.asInt()));
        if (layers.isEmpty()) {
            layers.add(TrainingSettings.DEFAULT_HIDDEN_UNITS);
        }
        TrainingSettings settings = new TrainingSettings(saved.tasks(), layers,
                json.path("epochs").asInt(TrainingSettings.DEFAULT_EPOCHS),
                json.path("batch_size").asInt(TrainingSettings.DEFAULT_BATCH_SIZE),
                json.path("learning_rate").asDouble(TrainingSettings.DEFAULT_LEARNING_RATE),
                json.path("seed").asLong(TrainingSettings.DEFAULT_SEED),
                json.path("test_fraction").asDouble(TrainingSettings.DEFAULT_TEST_FRACTION),
                json.path("validation_fraction")
                        .asDouble(TrainingSettings.DEFAULT_VALIDATION_FRACTION),
                TrainingOptions.NONE);
        int[] none = new int[0];
        return new Study(saved.encoder().outputNames(), settings, new Split(none, none, none),
                saved.preprocessor(), saved.network(), List.of(), List.of(), List.of(),
                saved.scorecard(), 0, saved.encoder(), List.of(), List.of(),
                json.path("kept_epoch").asInt(settings.epochs()), saved.driftReference());
    }
}
