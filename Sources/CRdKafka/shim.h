#ifndef BYLINE_CRDKAFKA_SHIM_H
#define BYLINE_CRDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/* Swift cannot call the variadic rd_kafka_producev, so this wraps it with the
 * fields Byline sends. The payload is copied (RD_KAFKA_MSG_F_COPY) so the
 * Swift buffers may be released as soon as this returns. On success librdkafka
 * owns `headers`; on failure the caller still owns them. */
static inline rd_kafka_resp_err_t byline_produce(rd_kafka_t *rk,
                                                 const char *topic,
                                                 int32_t partition,
                                                 const void *key, size_t key_len,
                                                 const void *value, size_t value_len,
                                                 rd_kafka_headers_t *headers,
                                                 int64_t timestamp_ms,
                                                 void *opaque) {
    /* A NULL header list is allowed: producev then sends none. */
    return rd_kafka_producev(rk,
                             RD_KAFKA_V_TOPIC(topic),
                             RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                             RD_KAFKA_V_KEY(key, key_len),
                             RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_HEADERS(headers),
                             RD_KAFKA_V_TIMESTAMP(timestamp_ms),
                             RD_KAFKA_V_OPAQUE(opaque),
                             RD_KAFKA_V_END);
}

/* RD_KAFKA_PARTITION_UA is a macro cast Swift does not import. */
static inline int32_t byline_partition_unassigned(void) { return RD_KAFKA_PARTITION_UA; }

/* rd_kafka_version_str() and the compile-time version, for start-up logs. */
static inline int byline_header_version(void) { return RD_KAFKA_VERSION; }

#endif
