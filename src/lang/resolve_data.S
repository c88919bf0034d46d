/* resolve_data.S - links the word lists of entity resolution
 * (data/resolve.tsv, made by data/gen_resolve.sh) into the binary as
 * read-only bytes. */
        .section .rodata
        .globl xc_resolve_data_start
        .globl xc_resolve_data_end
xc_resolve_data_start:
        .incbin "data/resolve.tsv"
xc_resolve_data_end:
        .section .note.GNU-stack,"",@progbits
