/* lemma_data.S - links the lemmatizer's word lists (data/lemmas.tsv, made
 * by data/gen_lemmas.sh from WordNet) into the binary as read-only bytes. */
        .section .rodata
        .globl xc_lemma_data_start
        .globl xc_lemma_data_end
xc_lemma_data_start:
        .incbin "data/lemmas.tsv"
xc_lemma_data_end:
        .section .note.GNU-stack,"",@progbits
