// Read-write locks: two readers hold the lock together (each waits inside for the other at a barrier,
// which would never open if readers excluded each other); a writer waits until the last reader leaves;
// with a writer waiting, a new reader still gets in (glibc prefers readers by default); a writer
// excludes readers; the holder of the write lock gets EDEADLK for another lock.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t both_inside;
static int writer_in; // set by the writer once it holds the lock
static int readers_inside, writer_saw_readers = -1;

static void *reader(void *arg) {
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    pthread_barrier_wait(&both_inside);
    pthread_rwlock_unlock(&rw);
    return NULL;
}

static void *writer(void *arg) {
    (void)arg;
    pthread_rwlock_wrlock(&rw);
    writer_saw_readers = readers_inside;
    writer_in = 1;
    usleep(100000);
    writer_in = 2; // leaving
    pthread_rwlock_unlock(&rw);
    return NULL;
}

static int late_reader_saw;
static void *late_reader(void *arg) {
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    late_reader_saw = writer_in;
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void) {
    pthread_t a, b, w, r;

    pthread_barrier_init(&both_inside, NULL, 2);
    pthread_create(&a, NULL, reader, NULL);
    pthread_create(&b, NULL, reader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("two readers were inside together\n");

    // A reader holds it: the writer queues.
    pthread_rwlock_rdlock(&rw);
    readers_inside = 1;
    printf("trywrlock with a reader: %s\n", pthread_rwlock_trywrlock(&rw) == EBUSY ? "EBUSY" : "?");
    pthread_create(&w, NULL, writer, NULL);
    usleep(100000);
    printf("writer in while a reader holds it: %d\n", writer_in);
    // Readers are preferred: another reader gets in past the queued writer.
    printf("tryrdlock with a writer queued: %d\n", pthread_rwlock_tryrdlock(&rw));
    readers_inside = 2;
    pthread_rwlock_unlock(&rw);
    readers_inside = 1;
    usleep(100000);
    printf("writer in with one reader left: %d\n", writer_in);
    readers_inside = 0;
    pthread_rwlock_unlock(&rw);
    while (writer_in == 0)
        usleep(1000);
    printf("writer in once the readers left: %d (readers inside then: %d)\n", writer_in, writer_saw_readers);
    // The writer holds it: readers wait until it leaves.
    printf("tryrdlock with a writer: %s\n", pthread_rwlock_tryrdlock(&rw) == EBUSY ? "EBUSY" : "?");
    pthread_create(&r, NULL, late_reader, NULL);
    pthread_join(r, NULL);
    pthread_join(w, NULL);
    printf("a reader got in when the writer was: %s\n", late_reader_saw == 2 ? "leaving" : "inside");

    printf("wrlock %d\n", pthread_rwlock_wrlock(&rw));
    printf("rdlock while writing: %s\n", pthread_rwlock_rdlock(&rw) == EDEADLK ? "EDEADLK" : "?");
    printf("wrlock while writing: %s\n", pthread_rwlock_wrlock(&rw) == EDEADLK ? "EDEADLK" : "?");
    printf("unlock %d\n", pthread_rwlock_unlock(&rw));
    printf("destroy %d\n", pthread_rwlock_destroy(&rw));
    return 0;
}
