// The C surface of OpenBLAS that Forecast calls: CBLAS from Debian's cblas.h, and
// prototypes for the Fortran LAPACK routines libopenblas exports (Debian ships no
// lapack.h). Fortran ABI: every argument by pointer, `const` on inputs.
#ifndef FORECAST_CBLAS_SHIM_H
#define FORECAST_CBLAS_SHIM_H

#include <cblas.h>

// Householder QR.
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work,
             const int *lwork, int *info);

// Triangular solve and inverse.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info);
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a, const int *lda,
             int *info);

// Cholesky.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info);

// Singular values (divide and conquer).
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *iwork, int *info);

#endif
