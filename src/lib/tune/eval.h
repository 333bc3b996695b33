/*
 * eval.h - scoring a lexicon against hand-coded stories (storylens eval):
 * hand codes in (gold.h), figures out (scores.h). Stories arrive through
 * the analysis story handler, in input order on the caller's thread, and
 * fill the confusion tables of eval_impl.h.
 */
#ifndef SL_EVAL_H
#define SL_EVAL_H

#include "tune/gold.h"
#include "tune/scores.h"

#endif
