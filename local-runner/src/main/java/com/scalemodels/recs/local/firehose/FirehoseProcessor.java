package com.scalemodels.recs.local.firehose;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.scalemodels.recs.transformation.FirehoseResponse;

/** The data-transformation function as Firehose sees it: one synchronous invoke per batch, which may throw. */
@FunctionalInterface
public interface FirehoseProcessor {

    FirehoseResponse invoke(KinesisFirehoseEvent event);
}
