/* ner_model.S - links the trained entity model (model/ner.bin, made by
 * `make model`) into the binary as read-only bytes for ner.c. */
        .section .rodata
        .balign 16
        .globl xc_ner_model_start
        .globl xc_ner_model_end
xc_ner_model_start:
        .incbin "model/ner.bin"
xc_ner_model_end:
        .section .note.GNU-stack,"",@progbits
